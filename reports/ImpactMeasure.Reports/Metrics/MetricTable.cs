namespace ImpactMeasure.Reports.Metrics;

/// <summary>One metric as a table: the rows of one CSV file or one pack sheet. Cell values are strings, longs or
/// doubles; null is blank (a <c>note</c> column says why); <see cref="SuppressedCell"/> marks disclosure control.</summary>
public sealed class MetricTable
{
    public MetricTable(string name, string title, IReadOnlyList<MetricColumn> columns, IReadOnlyList<string>? groupColumns = null)
    {
        Name = name;
        Title = title;
        Columns = columns;
        GroupColumns = groupColumns;
    }

    /// <summary>File name stem, e.g. <c>referral_outcomes</c>.</summary>
    public string Name { get; }

    public string Title { get; }

    public IReadOnlyList<MetricColumn> Columns { get; }

    /// <summary>Rows sharing these columns' values add up to a total, so secondary suppression runs within them
    /// (an empty list: all rows make one group); null when rows add up to nothing.</summary>
    public IReadOnlyList<string>? GroupColumns { get; }

    public List<object?[]> Rows { get; } = [];

    /// <summary>Which tables of this report had cells suppressed (said in the pack's notes).</summary>
    public bool HasSuppression => Rows.Any(r => r.Any(v => v is SuppressedCell));

    public int IndexOf(string column)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            if (Columns[i].Name == column)
                return i;
        }
        throw new KeyNotFoundException($"{Name} has no column {column}");
    }

    public void Add(params object?[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Length != Columns.Count)
            throw new ArgumentException($"{Name}: {values.Length} values for {Columns.Count} columns");
        Rows.Add(values);
    }
}

/// <summary>A cell hidden by disclosure control.</summary>
public sealed record SuppressedCell
{
    public static readonly SuppressedCell Instance = new();

    public override string ToString() => Statistics.SmallNumberSuppression.Symbol;
}
