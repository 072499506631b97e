using ImpactMeasure.Reports.Disclosure;
using ImpactMeasure.Reports.Metrics;
using ImpactMeasure.Reports.Spc;

namespace ImpactMeasure.Reports.Pack;

/// <summary>One month of the pack's SPC series: the value rests on that month's counts; the mean and limits on every
/// month's of its phase (limits are recalculated at change points), so one hidden month hides its phase's (else the
/// mean would give the hidden value back).</summary>
/// <remarks>With rounded counts the value is computed again from them; the mean and limits are statistics of the
/// series and are published as computed, to three decimals (a rate is a proportion: 0.114 is 11.4%).</remarks>
public sealed record SpcPointRow(XmrPoint Point, KpiPoint Source, IReadOnlyList<(CellKey Key, long Value)> SeriesBasis)
{
    public static readonly Column<SpcPointRow> MonthColumn = Column.Text<SpcPointRow>("month", r => r.Point.Date.ToString("MMM yyyy", System.Globalization.CultureInfo.InvariantCulture));
    public static readonly Column<SpcPointRow> ValueColumn = Column.Recomputed(
        Column.Derived<SpcPointRow>("value", r => r.Point.Y, "0.000", r => r.Source.Basis), (r, _, publish) => r.Source.From(publish));
    public static readonly Column<SpcPointRow> MeanColumn = Column.Derived<SpcPointRow>("mean", r => r.Point.Mean, "0.000", r => r.SeriesBasis);
    public static readonly Column<SpcPointRow> LowerColumn = Column.Derived<SpcPointRow>("lower_limit", r => r.Point.LowerLimit, "0.000", r => r.SeriesBasis);
    public static readonly Column<SpcPointRow> UpperColumn = Column.Derived<SpcPointRow>("upper_limit", r => r.Point.UpperLimit, "0.000", r => r.SeriesBasis);
    public static readonly Column<SpcPointRow> SpecialCauseColumn = Column.Text<SpcPointRow>("special_cause", r => r.Point.SpecialCauseType);
    public static readonly Column<SpcPointRow> PhaseColumn = Column.Plain<SpcPointRow>("phase", r => r.Point.RebaseGroup + 1);
    public static readonly Column<SpcPointRow> VariationColumn = Column.Text<SpcPointRow>("variation", r => Metrics.ServiceOverload.Variation(r.Point.PointType));

    public static IReadOnlyList<Column<SpcPointRow>> Columns { get; } =
        [MonthColumn, ValueColumn, MeanColumn, LowerColumn, UpperColumn, SpecialCauseColumn, VariationColumn, PhaseColumn];
}
