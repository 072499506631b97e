using ImpactMeasure.Reports.Disclosure;
using ImpactMeasure.Reports.Metrics;

namespace ImpactMeasure.Reports.Equity;

/// <summary>One group of patients (a deprivation quintile, an age band or a sex) over the window: referrals, their
/// share of all referrals, the acceptance and inappropriate-referral rates, and care navigation's diversion rate, with
/// Wilson intervals. Its counts are
/// cells of the release under the group coordinate (<c>imd:1</c>, <c>age:18-39</c>, <c>sex:F</c>), and a family's
/// groups add up to the release's total, so disclosure control sees every sum a reader could form.</summary>
public sealed record EquityRow(string Family, string Group, string Label, string Window, long Referrals, long AllReferrals, long WithDecision, long Accepted,
    long Inappropriate, double Confidence)
{
    /// <summary>Care navigators' signposting events of the group (METHODS §1's signposted).</summary>
    public long Signposted { get; init; }

    /// <summary>Of them, diverted from a GP appointment (accepted or attended).</summary>
    public long Diverted { get; init; }

    public Proportion Diversion => Proportion.Of(Diverted, Signposted, Confidence);

    public CellKey At(string measure) => new(measure, CellKey.All, CellKey.All, Window, CellKey.All, CellKey.All, Family + ":" + Group);

    public Proportion Acceptance => Proportion.Of(Accepted, WithDecision, Confidence);

    public Proportion InappropriateRate => Proportion.Of(Inappropriate, WithDecision, Confidence);

    public static readonly Column<EquityRow> FamilyColumn = Column.Text<EquityRow>("breakdown", r => r.Family);
    public static readonly Column<EquityRow> GroupColumn = Column.Text<EquityRow>("group", r => r.Label);
    public static readonly Column<EquityRow> ReferralsColumn = Count("referrals", r => r.Referrals, MeasureNames.Referrals);
    public static readonly Column<EquityRow> ShareColumn = Column.Derived<EquityRow>("share_of_referrals", r => r.AllReferrals == 0 ? null : (double)r.Referrals / r.AllReferrals, "0.000",
        r => [(r.At(MeasureNames.Referrals) with { Group = CellKey.All }, r.AllReferrals)], ReferralsColumn);
    public static readonly Column<EquityRow> WithDecisionColumn = Count("with_service_decision", r => r.WithDecision, MeasureNames.WithDecision);
    public static readonly Column<EquityRow> AcceptedColumn = Count("accepted_by_service", r => r.Accepted, MeasureNames.AcceptedByService);
    public static readonly Column<EquityRow> InappropriateColumn = Count("rejected_inappropriate", r => r.Inappropriate, MeasureNames.RejectedInappropriate);
    public static readonly Column<EquityRow> AcceptanceRate = Rate("acceptance_rate", r => r.Acceptance, p => p.Value, AcceptedColumn);
    public static readonly Column<EquityRow> AcceptanceLower = Rate("acceptance_lower_95", r => r.Acceptance, p => p.Lower, AcceptedColumn);
    public static readonly Column<EquityRow> AcceptanceUpper = Rate("acceptance_upper_95", r => r.Acceptance, p => p.Upper, AcceptedColumn);
    public static readonly Column<EquityRow> InappropriateRateColumn = Rate("inappropriate_rate", r => r.InappropriateRate, p => p.Value, InappropriateColumn);
    public static readonly Column<EquityRow> InappropriateLower = Rate("inappropriate_lower_95", r => r.InappropriateRate, p => p.Lower, InappropriateColumn);
    public static readonly Column<EquityRow> InappropriateUpper = Rate("inappropriate_upper_95", r => r.InappropriateRate, p => p.Upper, InappropriateColumn);

    public static readonly Column<EquityRow> SignpostedColumn = Count("signposted", r => r.Signposted, MeasureNames.Signposted);
    public static readonly Column<EquityRow> DivertedColumn = Count("diverted", r => r.Diverted, MeasureNames.Diverted);
    public static readonly Column<EquityRow> DiversionRate = DiversionPart("diversion_rate", p => p.Value);
    public static readonly Column<EquityRow> DiversionLower = DiversionPart("diversion_lower_95", p => p.Lower);
    public static readonly Column<EquityRow> DiversionUpper = DiversionPart("diversion_upper_95", p => p.Upper);

    public static IReadOnlyList<Column<EquityRow>> Columns { get; } =
    [
        FamilyColumn, GroupColumn, ReferralsColumn, ShareColumn, WithDecisionColumn, AcceptedColumn, InappropriateColumn, AcceptanceRate, AcceptanceLower,
        AcceptanceUpper, InappropriateRateColumn, InappropriateLower, InappropriateUpper, SignpostedColumn, DivertedColumn, DiversionRate, DiversionLower,
        DiversionUpper,
    ];

    private static Column<EquityRow> DiversionPart(string name, Func<Proportion, double?> part) => Column.Rate(name, r => r.Diversion, part, DivertedColumn, SignpostedColumn);

    private static Column<EquityRow> Count(string name, Func<EquityRow, long?> value, string measure) => Column.Count<EquityRow>(name, value, r => r.At(measure));

    private static Column<EquityRow> Rate(string name, Func<EquityRow, Proportion> proportion, Func<Proportion, double?> part, Column<EquityRow> numerator) =>
        Column.Rate(name, proportion, part, numerator, WithDecisionColumn);
}
