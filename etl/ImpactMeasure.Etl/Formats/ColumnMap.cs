namespace ImpactMeasure.Etl.Formats;

/// <summary>Where each of a format's columns sits in one file's header, and which header columns were ignored.</summary>
public sealed class ColumnMap
{
    private readonly Dictionary<string, int> _index;

    public ColumnMap(ExtractFormat format, Dictionary<string, int> index, IReadOnlyList<string> extraColumns, IReadOnlyList<string> header)
    {
        ArgumentNullException.ThrowIfNull(header);
        Format = format;
        Header = header;
        _index = index;
        ExtraColumns = extraColumns;
        Width = header.Count;
    }

    public ExtractFormat Format { get; }

    /// <summary>The header as the file wrote it.</summary>
    public IReadOnlyList<string> Header { get; }

    public IReadOnlyList<string> ExtraColumns { get; }

    /// <summary>How many columns the header has: every row must have as many.</summary>
    public int Width { get; }

    /// <summary>The position of a column, or -1 when an optional column is absent.</summary>
    public int this[string column] => _index.GetValueOrDefault(column, -1);

    public bool Has(string column) => _index.ContainsKey(column);
}
