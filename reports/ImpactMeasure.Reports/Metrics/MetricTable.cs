using ImpactMeasure.Reports.Disclosure;

namespace ImpactMeasure.Reports.Metrics;

/// <summary>One metric as a table of typed rows: the rows of one CSV file or one pack sheet. Cells are read through
/// <see cref="Show"/>, which applies the release's disclosure decision, so no output can show a hidden count or a
/// figure computed from one.</summary>
public sealed class MetricTable<TRow> : IMetricTable
{
    public MetricTable(string name, string title, IReadOnlyList<Column<TRow>> columns, IReadOnlyList<TRow> rows)
    {
        Name = name;
        Title = title;
        Columns = columns;
        Rows = rows;
    }

    public string Name { get; }

    public string Title { get; }

    public IReadOnlyList<string> Methods { get; init; } = [];

    public IReadOnlyList<Column<TRow>> Columns { get; }

    public IReadOnlyList<TRow> Rows { get; }

    public Disclosure.Disclosure Disclosure { get; set; } = ImpactMeasure.Reports.Disclosure.Disclosure.Off;

    public IReadOnlyList<(string Name, string Format)> PrintedColumns => Columns.Where(c => c.Printed).Select(c => (c.Name, c.Format)).ToList();

    public bool HasSuppression => Rows.Any(r => Columns.Any(c => c.Printed && Show(r, c) is SuppressedCell));

    /// <summary>A cell as published.</summary>
    public object? Show(TRow row, Column<TRow> column)
    {
        ArgumentNullException.ThrowIfNull(column);
        var value = column.Value(row);
        if (value is null)
            return null;
        switch (column.Kind)
        {
            case ColumnKind.Count:
                return Disclosure.IsHidden(column.Cell!(row)) ? SuppressedCell.Instance : Disclosure.Publish((long)value);
            case ColumnKind.Derived:
                if (RestsOnHidden(row, column))
                    return SuppressedCell.Instance;
                if (Disclosure.Rounding > 1 && column.FromRounded is { } recompute)
                    value = recompute(row, c => Disclosure.Publish(c.Value(row) as long? ?? 0), Disclosure.Publish);
                return value is double d ? Math.Round(d, column.Decimals, MidpointRounding.AwayFromZero) : value;
            default:
                return value;
        }
    }

    public IEnumerable<object?[]> PublishedRows()
    {
        var printed = Columns.Where(c => c.Printed).ToList();
        return Rows.Select(r => printed.Select(c => Show(r, c)).ToArray());
    }

    public int CountCells => Rows.Count * Columns.Count(c => c.Kind == ColumnKind.Count);

    public void RegisterIn(Release release)
    {
        ArgumentNullException.ThrowIfNull(release);
        foreach (var row in Rows)
        {
            foreach (var column in Columns)
            {
                if (column.Kind == ColumnKind.Count && column.Value(row) is long value)
                    release.Register(column.Cell!(row), value, Name);
                foreach (var (key, basis) in column.Basis?.Invoke(row) ?? [])
                    release.Register(key, basis, Name);
            }
        }
    }

    private bool RestsOnHidden(TRow row, Column<TRow> column) =>
        column.From.Any(c => c.Value(row) is not null && Disclosure.IsHidden(c.Cell!(row)))
        || (column.Basis?.Invoke(row).Any(b => Disclosure.IsHidden(b.Key)) ?? false);
}
