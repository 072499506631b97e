namespace ImpactMeasure.SampleData.Output;

/// <summary>Files and rows written per kind of extract, for the summary and truth.json.</summary>
public sealed class FileTally
{
    private readonly SortedDictionary<string, (int Files, long Rows)> _kinds = new(StringComparer.Ordinal);

    public void Add(string kind, CsvOut file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var (files, rows) = _kinds.GetValueOrDefault(kind);
        _kinds[kind] = (files + 1, rows + file.Rows);
    }

    public IReadOnlyDictionary<string, (int Files, long Rows)> Kinds => _kinds;

    public long TotalRows => _kinds.Values.Sum(k => k.Rows);
}
