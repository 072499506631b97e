namespace ImpactMeasure.Reports.Pack;

/// <summary>One table sheet of the pack: its title, notes, symbols used, and columns with Excel number formats.</summary>
public sealed record PackTable(string Title, IReadOnlyList<PackNote> Notes, IReadOnlyList<(string Header, string Format)> Columns, IReadOnlyList<object?[]> Rows)
{
    /// <summary>Text for each row's cell that marks colour meaning (RAG/SPC words), by column index.</summary>
    public IReadOnlyDictionary<int, Func<object?, string?>> Fills { get; init; } = new Dictionary<int, Func<object?, string?>>();

    /// <summary>A number format for one cell where a column mixes units (row, column → format, or null for the column's).</summary>
    public Func<int, int, string?>? CellFormat { get; init; }

    /// <summary>Width (Excel units) beyond which a text column wraps.</summary>
    public double WrapWidth { get; init; } = 40;
}
