using ImpactMeasure.Reports.Disclosure;

namespace ImpactMeasure.Reports.Metrics;

/// <summary>One row of <c>sp_caseload</c>: link workers' referrals in one month or the whole window.</summary>
public sealed record SpCaseloadRow(string Month, string Key, OutcomeCounts Counts, double? MeanDaysToFirstContact, string Note)
{
    public const string Role = "social_prescribing_link_worker";

    public CellKey At(string measure) => new(measure, CellKey.All, CellKey.All, Key, Role, CellKey.All, CellKey.All);

    public static readonly Column<SpCaseloadRow> MonthColumn = Column.Text<SpCaseloadRow>("month", r => r.Month);
    public static readonly Column<SpCaseloadRow> ReferralsColumn = Count("referrals_received", r => r.Counts.Referrals, MeasureNames.Referrals);
    public static readonly Column<SpCaseloadRow> SeenColumn = Count("people_seen", r => r.Counts.Attended, MeasureNames.Attended);
    public static readonly Column<SpCaseloadRow> DaysColumn = Column.Derived<SpCaseloadRow>("mean_days_to_first_contact", r => r.MeanDaysToFirstContact, "0.0", SeenColumn);
    public static readonly Column<SpCaseloadRow> DeclinedColumn = Count("declined_by_patient", r => r.Counts.DeclinedByPatient, MeasureNames.DeclinedByPatient);
    public static readonly Column<SpCaseloadRow> InappropriateColumn = Count("rejected_inappropriate", r => r.Counts.RejectedInappropriate, MeasureNames.RejectedInappropriate);
    public static readonly Column<SpCaseloadRow> PendingColumn = Count("pending", r => r.Counts.Pending, MeasureNames.Pending);
    public static readonly Column<SpCaseloadRow> NoteColumn = Column.Text<SpCaseloadRow>("note", r => r.Note);

    public static IReadOnlyList<Column<SpCaseloadRow>> Columns { get; } =
        [MonthColumn, ReferralsColumn, SeenColumn, DaysColumn, DeclinedColumn, InappropriateColumn, PendingColumn, NoteColumn];

    private static Column<SpCaseloadRow> Count(string name, Func<SpCaseloadRow, long?> value, string measure) => Column.Count<SpCaseloadRow>(name, value, r => r.At(measure));
}
