using ImpactMeasure.Reports.Disclosure;

namespace ImpactMeasure.Reports.Metrics;

/// <summary>The row of <c>sp_gp_use</c>: GP use before and after referral as a difference in differences.</summary>
public sealed record SpGpUseRow(string Window, long PeopleReferred, long ComparisonPatients, int WindowMonths, double? ReferredBefore, double? ReferredAfter,
    double? ComparisonChange, double? DifferenceInDifferences, double? Lower, double? Upper, string Note)
{
    public CellKey At(string measure) => CellKey.Total(measure, Window);

    public static readonly Column<SpGpUseRow> ReferredColumn = Column.Count<SpGpUseRow>("people_referred", r => r.PeopleReferred, r => r.At(MeasureNames.GpUseReferred));
    public static readonly Column<SpGpUseRow> ComparisonColumn = Column.Count<SpGpUseRow>("comparison_patients", r => r.ComparisonPatients, r => r.At(MeasureNames.GpUseComparison));
    public static readonly Column<SpGpUseRow> MonthsColumn = Column.Plain<SpGpUseRow>("window_months", r => (long)r.WindowMonths);
    public static readonly Column<SpGpUseRow> BeforeColumn = Column.Derived<SpGpUseRow>("referred_gp_before", r => r.ReferredBefore, "0.000", ReferredColumn);
    public static readonly Column<SpGpUseRow> AfterColumn = Column.Derived<SpGpUseRow>("referred_gp_after", r => r.ReferredAfter, "0.000", ReferredColumn);
    public static readonly Column<SpGpUseRow> ComparisonChangeColumn = Column.Derived<SpGpUseRow>("comparison_change", r => r.ComparisonChange, "0.000", ComparisonColumn);
    public static readonly Column<SpGpUseRow> DidColumn = Column.Derived<SpGpUseRow>("difference_in_differences", r => r.DifferenceInDifferences, "0.000", ReferredColumn, ComparisonColumn);
    public static readonly Column<SpGpUseRow> LowerColumn = Column.Derived<SpGpUseRow>("did_lower_95", r => r.Lower, "0.000", ReferredColumn, ComparisonColumn);
    public static readonly Column<SpGpUseRow> UpperColumn = Column.Derived<SpGpUseRow>("did_upper_95", r => r.Upper, "0.000", ReferredColumn, ComparisonColumn);
    public static readonly Column<SpGpUseRow> NoteColumn = Column.Text<SpGpUseRow>("note", r => r.Note);

    public static IReadOnlyList<Column<SpGpUseRow>> Columns { get; } =
        [ReferredColumn, ComparisonColumn, MonthsColumn, BeforeColumn, AfterColumn, ComparisonChangeColumn, DidColumn, LowerColumn, UpperColumn, NoteColumn];
}
