using ImpactMeasure.Reports.Disclosure;
using ImpactMeasure.Reports.Metrics;

namespace ImpactMeasure.Reports.Pack;

/// <summary>One row of the pack's headline table: a measure this month, last month and a year ago, with its SPC word.</summary>
public sealed record HeadlineRow(Kpi Kpi, KpiPoint? ThisMonth, KpiPoint? PreviousMonth, KpiPoint? YearAgo, string? Variation, string? SpecialCause)
{
    public static readonly Column<HeadlineRow> MeasureColumn = Column.Text<HeadlineRow>("measure", r => r.Kpi.Name);
    public static readonly Column<HeadlineRow> UnitColumn = Column.Text<HeadlineRow>("unit", r => r.Kpi.Unit);
    public static readonly Column<HeadlineRow> ThisMonthColumn = Value("this_month", r => r.ThisMonth);
    public static readonly Column<HeadlineRow> PreviousMonthColumn = Value("previous_month", r => r.PreviousMonth);
    public static readonly Column<HeadlineRow> YearAgoColumn = Value("same_month_last_year", r => r.YearAgo);
    public static readonly Column<HeadlineRow> VariationColumn = Column.Text<HeadlineRow>("variation", r => r.Variation);
    public static readonly Column<HeadlineRow> SpecialCauseColumn = Column.Text<HeadlineRow>("special_cause", r => r.SpecialCause);

    public static IReadOnlyList<Column<HeadlineRow>> Columns { get; } =
        [MeasureColumn, UnitColumn, ThisMonthColumn, PreviousMonthColumn, YearAgoColumn, VariationColumn, SpecialCauseColumn];

    // Rates to 0.1 percentage points; counts are whole numbers, freed appointments (assumed rate) to three places.
    private static Column<HeadlineRow> Value(string name, Func<HeadlineRow, KpiPoint?> point) => Column.Recomputed(
        Column.Derived<HeadlineRow>(name, r => point(r)?.Value, "0.000", r => point(r)?.Basis ?? []), (r, _, publish) => point(r)?.From(publish));
}
