namespace ImpactMeasure.SampleData.Local;

/// <summary>One signposting or referral event as the local extract carries it. An event first published
/// as pending is published again in the next month's file with its final outcome.</summary>
public sealed record SignpostEvent(
    string EventId,
    DateOnly Date,
    int MonthIndex,
    string PracticeCode,
    string Role,
    string PatientId,
    bool RequestedGpAppointment,
    string ReferrerRole,
    string ReasonCode,
    Service Service,
    string Outcome,
    DateOnly? OutcomeDate,
    Demographics Patient,
    bool FirstPublishedPending)
{
    public bool IsSocialPrescribingReferral => Role == "social_prescribing_link_worker";
}
