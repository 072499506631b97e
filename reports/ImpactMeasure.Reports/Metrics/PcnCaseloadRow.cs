using ImpactMeasure.Reports.Disclosure;

namespace ImpactMeasure.Reports.Metrics;

/// <summary>One row of <c>pcn_sp_caseload</c>: a PCN's link-worker referrals in the window, the people seen and the
/// days from referral to first contact (mean and standard deviation, for the benchmark's funnel of means).</summary>
public sealed record PcnCaseloadRow(string PcnCode, string PcnName, string Window, long Referrals, long Seen, double? MeanDays, double? SdDays)
{
    public CellKey At(string measure) => new(measure, CellKey.GeoOf("pcn", PcnCode), CellKey.All, Window, SpCaseloadRow.Role, CellKey.All, CellKey.All);

    public static readonly Column<PcnCaseloadRow> CodeColumn = Column.Text<PcnCaseloadRow>("pcn_code", r => r.PcnCode);
    public static readonly Column<PcnCaseloadRow> NameColumn = Column.Text<PcnCaseloadRow>("pcn_name", r => r.PcnName);
    public static readonly Column<PcnCaseloadRow> ReferralsColumn = Column.Count<PcnCaseloadRow>("referrals_received", r => r.Referrals, r => r.At(MeasureNames.Referrals));
    public static readonly Column<PcnCaseloadRow> SeenColumn = Column.Count<PcnCaseloadRow>("people_seen", r => r.Seen, r => r.At(MeasureNames.Attended));
    public static readonly Column<PcnCaseloadRow> MeanColumn = Column.Derived<PcnCaseloadRow>("mean_days_to_first_contact", r => r.MeanDays, "0.0", SeenColumn);
    public static readonly Column<PcnCaseloadRow> SdColumn = Column.Derived<PcnCaseloadRow>("sd_days_to_first_contact", r => r.SdDays, "0.0", SeenColumn);

    public static IReadOnlyList<Column<PcnCaseloadRow>> Columns { get; } = [CodeColumn, NameColumn, ReferralsColumn, SeenColumn, MeanColumn, SdColumn];
}
