using ImpactMeasure.Reports.Disclosure;

namespace ImpactMeasure.Reports.Metrics;

/// <summary>One row of <c>representation</c>: the rate observed over diverted events with complete follow-up (with the
/// events left out counted), or the assumed or one sensitivity rate for practices with no patient-level data.</summary>
public sealed record RepresentationRow(string Source, string Window, FollowUpCounts Counts, double? Rate, double? Lower, double? Upper, string IntervalMethod,
    string Note)
{
    public CellKey At(string measure) => CellKey.Total(measure, Window);

    public bool IsObserved => Source == "observed";

    public static readonly Column<RepresentationRow> SourceColumn = Column.Text<RepresentationRow>("source", r => r.Source);
    public static readonly Column<RepresentationRow> DivertedColumn = Count("diverted", r => r.Counts.Diverted, MeasureNames.Diverted);
    public static readonly Column<RepresentationRow> NotRequestedColumn = Count("diverted_not_requested", r => r.Counts.NotRequested, MeasureNames.NotRequested);
    public static readonly Column<RepresentationRow> CompleteColumn = Count("follow_up_complete", r => r.Counts.Complete, MeasureNames.FollowUpComplete);
    public static readonly Column<RepresentationRow> RepresentedColumn = Count("represented", r => r.IsObserved ? r.Counts.Represented : null, MeasureNames.Represented);
    public static readonly Column<RepresentationRow> IncompleteColumn = Count("follow_up_incomplete", r => r.Counts.Incomplete, MeasureNames.FollowUpIncomplete);
    public static readonly Column<RepresentationRow> NoPatientLevelColumn = Count("no_patient_level_data", r => r.Counts.NoPatientLevel, MeasureNames.NoPatientLevel);
    public static readonly Column<RepresentationRow> RateColumn = Column.Recomputed(
        Column.Derived<RepresentationRow>("representation_rate", r => r.Rate, "0.000", CompleteColumn, RepresentedColumn),
        (r, count) => !r.IsObserved ? r.Rate : count(CompleteColumn) == 0 ? null : (double)count(RepresentedColumn) / count(CompleteColumn));
    public static readonly Column<RepresentationRow> LowerColumn = Column.Derived<RepresentationRow>("rate_lower_95", r => r.Lower, "0.000", CompleteColumn, RepresentedColumn);
    public static readonly Column<RepresentationRow> UpperColumn = Column.Derived<RepresentationRow>("rate_upper_95", r => r.Upper, "0.000", CompleteColumn, RepresentedColumn);
    public static readonly Column<RepresentationRow> IntervalMethodColumn = Column.Text<RepresentationRow>("interval_method", r => r.IntervalMethod);
    public static readonly Column<RepresentationRow> NoteColumn = Column.Text<RepresentationRow>("note", r => r.Note);

    public static IReadOnlyList<Column<RepresentationRow>> Columns { get; } =
    [
        SourceColumn, DivertedColumn, NotRequestedColumn, CompleteColumn, RepresentedColumn, IncompleteColumn, NoPatientLevelColumn, RateColumn, LowerColumn,
        UpperColumn, IntervalMethodColumn, NoteColumn,
    ];

    private static Column<RepresentationRow> Count(string name, Func<RepresentationRow, long?> value, string measure) =>
        Column.Count<RepresentationRow>(name, value, r => r.At(measure));
}
