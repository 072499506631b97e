namespace ImpactMeasure.Reports.Metrics;

/// <summary>Outcome counts summed over any breakdown of rpt_referral_outcomes rows.</summary>
public sealed record OutcomeCounts(long Referrals, long WithDecision, long AcceptedByService, long RejectedCapacity, long RejectedInappropriate,
    long DeclinedByPatient, long Pending, long Attended, long AttendedDaysToOutcome)
{
    public static OutcomeCounts Sum(IEnumerable<ReportQueries.Row> rows) =>
        rows.Aggregate(new OutcomeCounts(0, 0, 0, 0, 0, 0, 0, 0, 0), (a, r) => new OutcomeCounts(
            a.Referrals + r.Count("referrals"), a.WithDecision + r.Count("with_decision"), a.AcceptedByService + r.Count("accepted_by_service"),
            a.RejectedCapacity + r.Count("rejected_capacity"), a.RejectedInappropriate + r.Count("rejected_inappropriate"),
            a.DeclinedByPatient + r.Count("declined_by_patient"), a.Pending + r.Count("pending"), a.Attended + r.Count("attended"),
            a.AttendedDaysToOutcome + r.Count("attended_days_to_outcome")));

    /// <summary>Referrals offered and not yet pending: the patient-uptake denominator.</summary>
    public long Offered => Referrals - Pending;
}
