using ImpactMeasure.Reports.Disclosure;

namespace ImpactMeasure.Reports.Metrics;

/// <summary>One row of <c>wellbeing_change</c>: paired change on one instrument for the people whose follow-up was due
/// in the cohort window (<see cref="WithBaseline"/>: due; those without a follow-up are lost to follow-up).</summary>
public sealed record WellbeingRow(string Instrument, string Window, long WithBaseline, long WithBoth, double? Completeness, double? MeanBaseline,
    double? MeanFollowup, double? MeanChange, double? ChangeLower, double? ChangeUpper, double Threshold, long Improved, Proportion ShareImproved,
    string Scale, string Note)
{
    public CellKey At(string measure) => new(measure, CellKey.All, CellKey.All, Window, CellKey.All, CellKey.All, Instrument);

    public static readonly Column<WellbeingRow> InstrumentColumn = Column.Text<WellbeingRow>("instrument", r => r.Instrument);
    public static readonly Column<WellbeingRow> BaselineColumn = Column.Count<WellbeingRow>("people_due", r => r.WithBaseline, r => r.At(MeasureNames.WellbeingBaseline));
    public static readonly Column<WellbeingRow> BothColumn = Column.Count<WellbeingRow>("people_with_both", r => r.WithBoth, r => r.At(MeasureNames.WellbeingBoth));
    public static readonly Column<WellbeingRow> LostColumn = Column.Count<WellbeingRow>("lost_to_follow_up", r => r.WithBaseline - r.WithBoth, r => r.At(MeasureNames.WellbeingLost));
    public static readonly Column<WellbeingRow> CompletenessColumn = Column.Recomputed(
        Column.Derived<WellbeingRow>("completeness", r => r.Completeness, "0.000", BothColumn, BaselineColumn),
        (_, count) => count(BaselineColumn) == 0 ? null : (double)count(BothColumn) / count(BaselineColumn));
    public static readonly Column<WellbeingRow> MeanBaselineColumn = Column.Derived<WellbeingRow>("mean_baseline", r => r.MeanBaseline, "0.00", BothColumn);
    public static readonly Column<WellbeingRow> MeanFollowupColumn = Column.Derived<WellbeingRow>("mean_followup", r => r.MeanFollowup, "0.00", BothColumn);
    public static readonly Column<WellbeingRow> MeanChangeColumn = Column.Derived<WellbeingRow>("mean_change", r => r.MeanChange, "0.00", BothColumn);
    public static readonly Column<WellbeingRow> LowerColumn = Column.Derived<WellbeingRow>("change_lower_95", r => r.ChangeLower, "0.00", BothColumn);
    public static readonly Column<WellbeingRow> UpperColumn = Column.Derived<WellbeingRow>("change_upper_95", r => r.ChangeUpper, "0.00", BothColumn);
    public static readonly Column<WellbeingRow> ThresholdColumn = Column.Plain<WellbeingRow>("meaningful_change_threshold", r => r.Threshold, "0.##");
    public static readonly Column<WellbeingRow> ImprovedColumn = Column.Count<WellbeingRow>("people_improved", r => r.Improved, r => r.At(MeasureNames.WellbeingImproved));
    public static readonly Column<WellbeingRow> ShareColumn = Share("share_improved", p => p.Value);
    public static readonly Column<WellbeingRow> ShareLowerColumn = Share("share_improved_lower_95", p => p.Lower);
    public static readonly Column<WellbeingRow> ShareUpperColumn = Share("share_improved_upper_95", p => p.Upper);
    public static readonly Column<WellbeingRow> ScaleColumn = Column.Text<WellbeingRow>("scale", r => r.Scale);
    public static readonly Column<WellbeingRow> NoteColumn = Column.Text<WellbeingRow>("note", r => r.Note);

    public static IReadOnlyList<Column<WellbeingRow>> Columns { get; } =
    [
        InstrumentColumn, BaselineColumn, BothColumn, LostColumn, CompletenessColumn, MeanBaselineColumn, MeanFollowupColumn, MeanChangeColumn, LowerColumn, UpperColumn,
        ThresholdColumn, ImprovedColumn, ShareColumn, ShareLowerColumn, ShareUpperColumn, ScaleColumn, NoteColumn,
    ];

    private static Column<WellbeingRow> Share(string name, Func<Proportion, double?> part) =>
        Column.Rate<WellbeingRow>(name, r => r.ShareImproved, part, ImprovedColumn, BothColumn);
}
