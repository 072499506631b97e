namespace ImpactMeasure.Reports.Metrics;

/// <summary>The counts behind freed GP appointments and re-presentation for a set of care-navigation events
/// (METHODS §1). Diverted events split exactly into: not requested (never free a GP appointment), follow-up
/// complete (re-presentation observed), follow-up incomplete (window runs past the practice's patient-level data)
/// and at a practice with no patient-level data. Attended and no-response count only events that could free one.</summary>
public readonly record struct FollowUpCounts(long Signposted, long Diverted, long NotRequested, long RequestedUnknown, long Complete, long Represented,
    long Incomplete, long NoPatientLevel, long Attended, long NoResponse) : System.Numerics.IAdditionOperators<FollowUpCounts, FollowUpCounts, FollowUpCounts>,
    System.Numerics.IMultiplyOperators<FollowUpCounts, long, FollowUpCounts>
{
    /// <summary>Diverted events that could free a GP appointment.</summary>
    public long FreeingDiverted => Complete + Incomplete + NoPatientLevel;

    /// <summary>The counts as rpt_navigation_kinds and rpt_navigation_months name them.</summary>
    public static FollowUpCounts Read(ReportQueries.Row row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new(row.Count("signposted"), row.Count("diverted"), row.Count("not_requested"), row.Count("requested_blank"), row.Count("follow_up_complete"),
            row.Count("represented"), row.Count("follow_up_incomplete"), row.Count("no_patient_level"), row.Count("attended"), row.Count("no_response"));
    }

    public static FollowUpCounts operator +(FollowUpCounts a, FollowUpCounts b) => new(a.Signposted + b.Signposted, a.Diverted + b.Diverted,
        a.NotRequested + b.NotRequested, a.RequestedUnknown + b.RequestedUnknown, a.Complete + b.Complete, a.Represented + b.Represented,
        a.Incomplete + b.Incomplete, a.NoPatientLevel + b.NoPatientLevel, a.Attended + b.Attended, a.NoResponse + b.NoResponse);

    /// <summary>k units of these counts (a bootstrap adds equal units once, times how often they were drawn).</summary>
    public static FollowUpCounts operator *(FollowUpCounts a, long k) => new(a.Signposted * k, a.Diverted * k, a.NotRequested * k,
        a.RequestedUnknown * k, a.Complete * k, a.Represented * k, a.Incomplete * k, a.NoPatientLevel * k, a.Attended * k, a.NoResponse * k);

    public static FollowUpCounts Sum(IEnumerable<FollowUpCounts> counts) => counts.Aggregate(default(FollowUpCounts), (a, b) => a + b);

    /// <summary>Re-presentation among events with complete follow-up; null without any.</summary>
    public double? ObservedRate => Complete > 0 ? (double)Represented / Complete : null;

    /// <summary>The rate applied across all events that could free a GP appointment: observed where follow-up is
    /// complete, the observed rate for incomplete follow-up, and <paramref name="unobserved"/> (assumed or a
    /// sensitivity rate) at practices with no patient-level data — and for incomplete follow-up when nothing was
    /// observed. Null when a rate is needed and there is none.</summary>
    public double? EffectiveRate(double? unobserved) => Blend(ObservedRate, unobserved);

    /// <summary><see cref="EffectiveRate"/> with the observed rate at the upper bound of its Wilson interval (the low
    /// freed figure).</summary>
    public double? UpperRate(double? unobserved, double confidence) =>
        Blend(Complete > 0 ? Proportion.Of(Represented, Complete, confidence).Upper : null, unobserved, observedCountsAsRate: true);

    /// <summary>Freed GP appointments (central) = events that could free one × (1 − effective rate).</summary>
    public double? Freed(double? unobserved) => FreeingDiverted == 0 ? 0 : FreeingDiverted * (1 - EffectiveRate(unobserved));

    private double? Blend(double? observed, double? unobserved, bool observedCountsAsRate = false)
    {
        if (FreeingDiverted == 0)
            return null;
        var incompleteRate = observed ?? unobserved;
        if ((Incomplete > 0 && incompleteRate is null) || (NoPatientLevel > 0 && unobserved is null))
            return null;
        var represented = (observedCountsAsRate ? Complete * (observed ?? 0) : Represented) + (Incomplete * (incompleteRate ?? 0)) + (NoPatientLevel * (unobserved ?? 0));
        return represented / FreeingDiverted;
    }
}
