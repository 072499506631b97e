using System.Globalization;
using System.Text;
using ImpactMeasure.Etl.Formats;
using ImpactMeasure.Etl.Reading;

namespace ImpactMeasure.Etl.Vocabulary;

/// <summary>One supplier's value that neither the extract vocabulary nor the map in force accepts.</summary>
public sealed record UnmappedValue(string Column, string Value, long Rows, IReadOnlyList<string> Nearest);

/// <summary><c>impact vocab suggest</c>: reads extracts as the ETL would (format from the header, streamed) and lists
/// every value of a coded column that would be quarantined, with how often it occurs and the nearest codes; writes a
/// starter map for a person to check.</summary>
public static class VocabularySuggestions
{
    public static IReadOnlyList<UnmappedValue> Find(IEnumerable<string> files, VocabularyMap map)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(map);
        var counts = new Dictionary<(string Column, string Value), long>();
        foreach (var file in files)
        {
            Count(file, map, counts);
        }
        return counts.OrderBy(c => c.Key.Column, StringComparer.Ordinal).ThenByDescending(c => c.Value).ThenBy(c => c.Key.Value, StringComparer.Ordinal)
            .Select(c => new UnmappedValue(c.Key.Column, c.Key.Value, c.Value, LocalVocabulary.Nearest(c.Key.Column, c.Key.Value))).ToList();
    }

    private static void Count(string file, VocabularyMap map, Dictionary<(string, string), long> counts)
    {
        var found = new Dictionary<(string, string), long>();
        using var source = RowSources.Open(file);
        var columns = FormatDetector.Detect(source.Header, Path.GetFileName(file));
        var coded = LocalVocabulary.Columns.Where(c => columns.Has(c.Key)).Select(c => (c.Key, Index: columns[c.Key], Codes: c.Value)).ToList();
        while (source.MoveNext())
        {
            foreach (var (column, index, codes) in coded)
            {
                var value = source[index].Trim().ToString();
                var text = value.ToLowerInvariant();
                if (text.Length == 0 || codes.Contains(text) || map.TryMap(column, text, out _))
                    continue;
                found[(column, value)] = found.GetValueOrDefault((column, value)) + 1;
            }
        }
        // A file read again in another encoding counts once.
        foreach (var (key, rows) in found)
            counts[key] = counts.GetValueOrDefault(key) + rows;
    }

    /// <summary>A starter "vocabulary" section mapping each value to its nearest code, marked to be checked.</summary>
    public static string StarterMap(IReadOnlyList<UnmappedValue> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var text = new StringBuilder();
        text.AppendLine("// Suggested by impact vocab suggest: each value mapped to its nearest code. Check every line (a nearest code is a");
        text.AppendLine("// guess, not a meaning), then copy the \"vocabulary\" section into impact.json.");
        text.AppendLine("{");
        text.AppendLine("  \"vocabulary\": {");
        var byColumn = values.GroupBy(v => v.Column).ToList();
        for (var c = 0; c < byColumn.Count; c++)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"    \"{byColumn[c].Key}\": {{");
            var entries = byColumn[c].Where(v => v.Nearest.Count > 0).ToList();
            for (var i = 0; i < entries.Count; i++)
            {
                var v = entries[i];
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"      {Quote(v.Value.ToLowerInvariant())}: {Quote(v.Nearest[0])}{(i < entries.Count - 1 ? "," : "")} // {v.Rows:N0} rows; also near: {string.Join(", ", v.Nearest.Skip(1))}");
            }
            text.AppendLine(CultureInfo.InvariantCulture, $"    }}{(c < byColumn.Count - 1 ? "," : "")}");
        }
        text.AppendLine("  }");
        text.AppendLine("}");
        return text.ToString();
    }

    private static string Quote(string value) => System.Text.Json.JsonSerializer.Serialize(value);
}
