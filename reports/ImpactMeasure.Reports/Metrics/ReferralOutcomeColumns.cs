using ImpactMeasure.Reports.Disclosure;

namespace ImpactMeasure.Reports.Metrics;

/// <summary>The columns of <c>referral_outcomes</c>: rates rest on their numerator and the decisions; patient uptake
/// on referrals, pending and declined.</summary>
public static class ReferralOutcomeColumns
{
    public static readonly Column<ReferralOutcomeRow> Breakdown = Column.Text<ReferralOutcomeRow>("breakdown", r => r.Breakdown);
    public static readonly Column<ReferralOutcomeRow> Code = Column.Text<ReferralOutcomeRow>("code", r => r.Code);
    public static readonly Column<ReferralOutcomeRow> Name = Column.Text<ReferralOutcomeRow>("name", r => r.Name);
    public static readonly Column<ReferralOutcomeRow> Referrals = Count("referrals", r => r.Counts.Referrals, MeasureNames.Referrals);
    public static readonly Column<ReferralOutcomeRow> WithDecision = Count("with_service_decision", r => r.Counts.WithDecision, MeasureNames.WithDecision);
    public static readonly Column<ReferralOutcomeRow> AcceptedByService = Count("accepted_by_service", r => r.Counts.AcceptedByService, MeasureNames.AcceptedByService);
    public static readonly Column<ReferralOutcomeRow> RejectedCapacity = Count("rejected_capacity", r => r.Counts.RejectedCapacity, MeasureNames.RejectedCapacity);
    public static readonly Column<ReferralOutcomeRow> RejectedInappropriate = Count("rejected_inappropriate", r => r.Counts.RejectedInappropriate, MeasureNames.RejectedInappropriate);
    public static readonly Column<ReferralOutcomeRow> DeclinedByPatient = Count("declined_by_patient", r => r.Counts.DeclinedByPatient, MeasureNames.DeclinedByPatient);
    public static readonly Column<ReferralOutcomeRow> Pending = Count("pending", r => r.Counts.Pending, MeasureNames.Pending);
    public static readonly Column<ReferralOutcomeRow> AcceptanceRate = Rate("acceptance_rate", r => r.Acceptance, p => p.Value, AcceptedByService);
    public static readonly Column<ReferralOutcomeRow> AcceptanceLower = Rate("acceptance_lower_95", r => r.Acceptance, p => p.Lower, AcceptedByService);
    public static readonly Column<ReferralOutcomeRow> AcceptanceUpper = Rate("acceptance_upper_95", r => r.Acceptance, p => p.Upper, AcceptedByService);
    public static readonly Column<ReferralOutcomeRow> CapacityRate = Rate("capacity_rejection_rate", r => r.Capacity, p => p.Value, RejectedCapacity);
    public static readonly Column<ReferralOutcomeRow> CapacityLower = Rate("capacity_rejection_lower_95", r => r.Capacity, p => p.Lower, RejectedCapacity);
    public static readonly Column<ReferralOutcomeRow> CapacityUpper = Rate("capacity_rejection_upper_95", r => r.Capacity, p => p.Upper, RejectedCapacity);
    public static readonly Column<ReferralOutcomeRow> InappropriateRate = Rate("inappropriate_rate", r => r.Inappropriate, p => p.Value, RejectedInappropriate);
    public static readonly Column<ReferralOutcomeRow> InappropriateLower = Rate("inappropriate_lower_95", r => r.Inappropriate, p => p.Lower, RejectedInappropriate);
    public static readonly Column<ReferralOutcomeRow> InappropriateUpper = Rate("inappropriate_upper_95", r => r.Inappropriate, p => p.Upper, RejectedInappropriate);
    public static readonly Column<ReferralOutcomeRow> Uptake = UptakeColumn("patient_uptake", p => p.Value);
    public static readonly Column<ReferralOutcomeRow> UptakeLower = UptakeColumn("patient_uptake_lower_95", p => p.Lower);
    public static readonly Column<ReferralOutcomeRow> UptakeUpper = UptakeColumn("patient_uptake_upper_95", p => p.Upper);
    public static readonly Column<ReferralOutcomeRow> Note = Column.Text<ReferralOutcomeRow>("note", r => r.Note);

    public static IReadOnlyList<Column<ReferralOutcomeRow>> All { get; } =
    [
        Breakdown, Code, Name, Referrals, WithDecision, AcceptedByService, RejectedCapacity, RejectedInappropriate, DeclinedByPatient, Pending,
        AcceptanceRate, AcceptanceLower, AcceptanceUpper, CapacityRate, CapacityLower, CapacityUpper, InappropriateRate, InappropriateLower, InappropriateUpper,
        Uptake, UptakeLower, UptakeUpper, Note,
    ];

    private static Column<ReferralOutcomeRow> Count(string name, Func<ReferralOutcomeRow, long?> value, string measure) =>
        Column.Count<ReferralOutcomeRow>(name, value, r => r.At(measure));

    private static Column<ReferralOutcomeRow> Rate(string name, Func<ReferralOutcomeRow, Proportion> proportion, Func<Proportion, double?> part,
        Column<ReferralOutcomeRow> numerator) =>
        Column.Rate(name, proportion, part, numerator, WithDecision);

    // Uptake = (offered − declined) ÷ offered, offered = referrals − pending.
    private static Column<ReferralOutcomeRow> UptakeColumn(string name, Func<Proportion, double?> part) =>
        Column.Recomputed(Column.Derived<ReferralOutcomeRow>(name, r => part(r.Uptake), "0.000", Referrals, Pending, DeclinedByPatient),
            (r, count) => part(Proportion.Of(count(Referrals) - count(Pending) - count(DeclinedByPatient), count(Referrals) - count(Pending), r.Uptake.Confidence)));
}
