using ImpactMeasure.Reports.Disclosure;

namespace ImpactMeasure.Reports.Metrics;

/// <summary>One row of <c>sp_referral_sources</c>: link workers' referrals from one referrer role.</summary>
public sealed record SpReferrerRow(string ReferrerRole, string Window, OutcomeCounts Counts, long AllReferrals, double? Share, Proportion Inappropriate, string Note)
{
    public CellKey At(string measure) => new(measure, CellKey.All, CellKey.All, Window, SpCaseloadRow.Role, ReferrerRole, CellKey.All);

    public static readonly Column<SpReferrerRow> RoleColumn = Column.Text<SpReferrerRow>("referrer_role", r => r.ReferrerRole);
    public static readonly Column<SpReferrerRow> ReferralsColumn = Count("referrals", r => r.Counts.Referrals, MeasureNames.Referrals);

    // The share's denominator is all link-worker referrals (the caseload's window total).
    public static readonly Column<SpReferrerRow> ShareColumn = Column.Derived<SpReferrerRow>("share_of_referrals", r => r.Share, "0.000",
        r => [(r.At(MeasureNames.Referrals) with { Referrer = CellKey.All }, r.AllReferrals)], ReferralsColumn);

    public static readonly Column<SpReferrerRow> WithDecisionColumn = Count("with_service_decision", r => r.Counts.WithDecision, MeasureNames.WithDecision);
    public static readonly Column<SpReferrerRow> InappropriateColumn = Count("rejected_inappropriate", r => r.Counts.RejectedInappropriate, MeasureNames.RejectedInappropriate);
    public static readonly Column<SpReferrerRow> RateColumn = Rate("inappropriate_rate", p => p.Value);
    public static readonly Column<SpReferrerRow> LowerColumn = Rate("inappropriate_lower_95", p => p.Lower);
    public static readonly Column<SpReferrerRow> UpperColumn = Rate("inappropriate_upper_95", p => p.Upper);
    public static readonly Column<SpReferrerRow> NoteColumn = Column.Text<SpReferrerRow>("note", r => r.Note);

    public static IReadOnlyList<Column<SpReferrerRow>> Columns { get; } =
        [RoleColumn, ReferralsColumn, ShareColumn, WithDecisionColumn, InappropriateColumn, RateColumn, LowerColumn, UpperColumn, NoteColumn];

    private static Column<SpReferrerRow> Count(string name, Func<SpReferrerRow, long?> value, string measure) => Column.Count<SpReferrerRow>(name, value, r => r.At(measure));

    private static Column<SpReferrerRow> Rate(string name, Func<Proportion, double?> part) =>
        Column.Rate<SpReferrerRow>(name, r => r.Inappropriate, part, InappropriateColumn, WithDecisionColumn);
}
