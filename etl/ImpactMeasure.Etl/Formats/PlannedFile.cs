using ImpactMeasure.Etl.Reading;

namespace ImpactMeasure.Etl.Formats;

/// <summary>A file in a load plan with its format, detected once from its header when the run is planned; the load
/// uses that detection unless the header has changed since. A file whose format cannot be detected sorts last and
/// is rejected when its turn comes, with the reason.</summary>
public sealed record PlannedFile(string Path, ColumnMap? Map)
{
    public int LoadOrder => Map?.Format.LoadOrder ?? int.MaxValue;

    public static PlannedFile Detect(string path)
    {
        try
        {
            using var source = RowSources.Open(path);
            return new PlannedFile(path, FormatDetector.Detect(source.Header, System.IO.Path.GetFileName(path)));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return new PlannedFile(path, null);
        }
    }

    /// <summary>Files in load order: practice reference data, list sizes, GPAD, then the local extracts; by name
    /// within (folders are searched for .csv and .xlsx).</summary>
    public static IReadOnlyList<PlannedFile> Plan(IEnumerable<string> paths) =>
        paths.SelectMany(p => Directory.Exists(p)
                ? Directory.EnumerateFiles(p, "*", SearchOption.AllDirectories)
                    .Where(f => f.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || RowSources.IsXlsx(f))
                : [p])
            .Select(Detect)
            .OrderBy(f => f.LoadOrder)
            .ThenBy(f => System.IO.Path.GetFileName(f.Path), StringComparer.Ordinal)
            .ToList();
}
