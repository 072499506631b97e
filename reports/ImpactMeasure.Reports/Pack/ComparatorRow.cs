using ImpactMeasure.Reports.Metrics;

namespace ImpactMeasure.Reports.Pack;

/// <summary>One measure this month in the pack's area and in its comparator (a PCN's ICB), each resting on its own
/// counts in the release.</summary>
public sealed record ComparatorRow(Kpi Kpi, KpiPoint? Area, KpiPoint? Comparator)
{
    public static readonly Column<ComparatorRow> MeasureColumn = Column.Text<ComparatorRow>("measure", r => r.Kpi.Name);
    public static readonly Column<ComparatorRow> UnitColumn = Column.Text<ComparatorRow>("unit", r => r.Kpi.Unit);
    public static readonly Column<ComparatorRow> AreaColumn = KpiColumn.Value<ComparatorRow>("area", r => r.Area);
    public static readonly Column<ComparatorRow> ComparatorColumn = KpiColumn.Value<ComparatorRow>("comparator", r => r.Comparator);

    public static IReadOnlyList<Column<ComparatorRow>> Columns { get; } = [MeasureColumn, UnitColumn, AreaColumn, ComparatorColumn];
}
