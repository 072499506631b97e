namespace ImpactMeasure.Reports.Disclosure;

/// <summary>The measures a release's counts are addresses of: one name for one meaning, whichever table shows it.</summary>
public static class MeasureNames
{
    public const string Referrals = "outcome.referrals";
    public const string WithDecision = "outcome.with_decision";
    public const string AcceptedByService = "outcome.accepted_by_service";
    public const string RejectedCapacity = "outcome.rejected_capacity";
    public const string RejectedInappropriate = "outcome.rejected_inappropriate";
    public const string DeclinedByPatient = "outcome.declined_by_patient";
    public const string Pending = "outcome.pending";
    public const string Attended = "outcome.attended";

    public const string Signposted = "navigation.signposted";
    public const string Diverted = "navigation.diverted";
    public const string NavigationAttended = "navigation.attended";
    public const string NoResponse = "navigation.no_response";
    public const string Represented = "navigation.represented";
    public const string NotRequested = "navigation.not_requested";
    public const string RequestedUnknown = "navigation.requested_blank";
    public const string FollowUpComplete = "navigation.follow_up_complete";
    public const string FollowUpIncomplete = "navigation.follow_up_incomplete";
    public const string NoPatientLevel = "navigation.no_patient_level_data";

    public const string WellbeingBaseline = "wellbeing.with_baseline";
    public const string WellbeingBoth = "wellbeing.with_both";
    public const string WellbeingImproved = "wellbeing.improved";
    public const string WellbeingLost = "wellbeing.lost_to_follow_up";

    public const string GpUseReferred = "gp_use.people_referred";
    public const string GpUseComparison = "gp_use.comparison_patients";
}
