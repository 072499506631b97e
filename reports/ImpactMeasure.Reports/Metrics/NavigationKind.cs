namespace ImpactMeasure.Reports.Metrics;

/// <summary>Units of one practice version whose care-navigation events in the window add up to the same
/// <see cref="FollowUpCounts"/>, as rpt_navigation_kinds returns them: the practice's events are the sum of its kinds
/// (counts × units), and its units can be resampled from them without a row per event. A unit is a patient where a
/// bootstrap resamples the practice's patients (the query's $5, or the practice alone in its PCN), else the whole practice.</summary>
public sealed record NavigationKind(string PracticeCode, string PracticeName, string PcnCode, string PcnName, FollowUpCounts Counts, long Units)
{
    /// <summary>All the kind's units' events together.</summary>
    public FollowUpCounts Total => Counts * Units;

    public static IReadOnlyList<NavigationKind> Read(IEnumerable<ReportQueries.Row> rows) =>
        rows.Select(r => new NavigationKind(r.Text("practice_code"), r.Text("practice_name"), r.Text("pcn_code"), r.Text("pcn_name"),
            FollowUpCounts.Read(r), r.Count("units"))).ToList();

    /// <summary>rpt_navigation_months' rows by month.</summary>
    public static IReadOnlyDictionary<DateOnly, FollowUpCounts> ReadMonths(IEnumerable<ReportQueries.Row> rows) =>
        rows.ToDictionary(r => r.Date("month_start_date"), FollowUpCounts.Read);
}
