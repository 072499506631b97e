namespace ImpactMeasure.Etl.Formats;

/// <summary>Works out a file's format from its header, or says precisely why it cannot.</summary>
public static class FormatDetector
{
    public static ColumnMap Detect(IReadOnlyList<string> header, string fileName)
    {
        ArgumentNullException.ThrowIfNull(header);
        var names = header.Select(FormatCatalog.Normalise).ToList();
        if (names.Count == 1 && names[0].Contains(';', StringComparison.Ordinal))
            throw Reject(fileName, 1, "the header is one column containing ';': the file looks semicolon-separated, but extracts must be comma-separated CSV");
        if (names.Count == 1 && names[0].Contains('\t', StringComparison.Ordinal))
            throw Reject(fileName, 1, "the header is one column containing tabs: the file looks tab-separated, but extracts must be comma-separated CSV");
        var candidates = FormatCatalog.All.Select(f => (Format: f, Missing: Missing(f, names))).ToList();
        var match = candidates.Where(c => c.Missing.Count == 0).OrderByDescending(c => c.Format.Columns.Count(col => names.Any(col.Matches))).FirstOrDefault();
        if (match.Format is not null)
            return Map(match.Format, names, header);
        var nearest = candidates.OrderBy(c => (double)c.Missing.Count / (c.Format.Required.Count() + c.Format.OneOf.Count)).First();
        var required = nearest.Format.Required.Count() + nearest.Format.OneOf.Count;
        if (nearest.Missing.Count * 2 <= required)
        {
            throw Reject(fileName, 1,
                $"taken for {nearest.Format.Id} ({nearest.Format.Layout}) but missing required column(s): {string.Join(", ", nearest.Missing)}");
        }
        var known = string.Join("; ", FormatCatalog.All.Select(f => f.Describe()));
        throw Reject(fileName, 1, $"unknown header ({string.Join(",", header.Take(8))}{(header.Count > 8 ? ",…" : "")}); known formats and their required columns: {known}");
    }

    private static List<string> Missing(ExtractFormat format, List<string> names)
    {
        var missing = format.Required.Where(c => !names.Any(c.Matches)).Select(c => c.Name).ToList();
        missing.AddRange(format.OneOf.Where(group => !group.Any(names.Contains)).Select(group => string.Join(" or ", group)));
        return missing;
    }

    private static ColumnMap Map(ExtractFormat format, List<string> names, IReadOnlyList<string> header)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var extra = new List<string>();
        for (var i = 0; i < names.Count; i++)
        {
            var column = format.Columns.FirstOrDefault(c => c.Matches(names[i]));
            if (column is null)
                extra.Add(names[i]);
            else
                index.TryAdd(column.Name, i);
        }
        return new ColumnMap(format, index, extra, header);
    }

    private static ExtractRejectedException Reject(string file, long line, string message) => new(file, line, null, message);
}
