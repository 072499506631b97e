using ImpactMeasure.Reports.Metrics;
using ImpactMeasure.Reports.Spc;

namespace ImpactMeasure.Reports.Pack;

/// <summary>The headline measures month by month over the months up to the pack's period, from the same queries
/// as the metric files.</summary>
public static class KpiSeries
{
    public static IReadOnlyList<Kpi> Build(IReadOnlyList<ReportQueries.Row> outcomes, IReadOnlyList<ReportQueries.Row> navigation,
        IReadOnlyList<DateOnly> months, bool observed, MethodParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        ArgumentNullException.ThrowIfNull(navigation);
        ArgumentNullException.ThrowIfNull(parameters);
        var byMonth = outcomes.ToLookup(r => r.Date("month_start_date"));
        var navigationByMonth = navigation.ToDictionary(r => r.Date("month_start_date"), r => (Signposted: r.Count("signposted"), Diverted: r.Count("diverted"), Represented: r.Count("represented")));
        (long Signposted, long Diverted, long Represented) Navigation(DateOnly m) => navigationByMonth.GetValueOrDefault(m);
        double? Rate(long n, long d) => d == 0 ? null : (double)n / d;
        List<(DateOnly, double?)> Series(Func<DateOnly, double?> value) => months.Select(m => (m, value(m))).ToList();
        OutcomeCounts Counts(DateOnly m) => OutcomeCounts.Sum(byMonth[m]);
        OutcomeCounts Sp(DateOnly m) => OutcomeCounts.Sum(byMonth[m].Where(r => r.Text("role_code") == SocialPrescribingMetrics.LinkWorker));
        double? Freed(DateOnly m) =>
            observed ? Navigation(m).Diverted - Navigation(m).Represented
            : parameters.AssumedRepresentationRate is { } r ? Navigation(m).Diverted * (1 - r) : null;
        return
        [
            new("Care navigation signposting events", "events", false, ImprovementDirection.Neutral, Series(m => Navigation(m).Signposted)),
            new("Patients diverted from a GP appointment", "patients", false, ImprovementDirection.Increase, Series(m => Navigation(m).Diverted)),
            new("GP appointments freed (central estimate)", "appointments", false, ImprovementDirection.Increase, Series(Freed)),
            new("Re-presentation to a GP within the window", "%", true, ImprovementDirection.Decrease,
                Series(m => observed ? Rate(Navigation(m).Represented, Navigation(m).Diverted) : parameters.AssumedRepresentationRate)),
            new("Service acceptance rate", "%", true, ImprovementDirection.Increase, Series(m => Rate(Counts(m).AcceptedByService, Counts(m).WithDecision))),
            new("Capacity rejection rate", "%", true, ImprovementDirection.Decrease, Series(m => Rate(Counts(m).RejectedCapacity, Counts(m).WithDecision))),
            new("Inappropriate referral rate", "%", true, ImprovementDirection.Decrease, Series(m => Rate(Counts(m).RejectedInappropriate, Counts(m).WithDecision))),
            new("Social prescribing referrals", "referrals", false, ImprovementDirection.Neutral, Series(m => Sp(m).Referrals)),
        ];
    }

    /// <summary>The XmR chart of a measure over the months that have a value.</summary>
    public static IReadOnlyList<XmrPoint> Chart(Kpi kpi, MethodParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(kpi);
        ArgumentNullException.ThrowIfNull(parameters);
        var points = kpi.Series.Where(p => p.Value is not null).Select(p => (p.Month, p.Value!.Value)).ToList();
        return points.Count < 2 ? [] : XmrChart.Calculate(points, new XmrOptions { ScreenOutliers = parameters.SpcScreenOutliers, RunLength = parameters.SpcRunLength, Direction = kpi.Direction });
    }
}
