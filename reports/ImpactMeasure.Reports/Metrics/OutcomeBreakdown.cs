namespace ImpactMeasure.Reports.Metrics;

/// <summary>The breakdowns rpt_referral_outcomes rolls its counts up to (its grouping sets, named in its
/// <c>breakdown</c> column): each report reads the rows of its own.</summary>
public static class OutcomeBreakdown
{
    public const string All = "all", Service = "service", Pcn = "pcn", Practice = "practice", Month = "month";

    /// <summary>By role: by month, over the window, by referrer role, by PCN (the link workers' caseload).</summary>
    public const string RoleMonth = "role_month", Role = "role", RoleReferrer = "role_referrer", RolePcn = "role_pcn";

    /// <summary>The rows of one breakdown.</summary>
    public static IEnumerable<ReportQueries.Row> Of(IEnumerable<ReportQueries.Row> rows, string breakdown) =>
        rows.Where(r => r.Text("breakdown") == breakdown);

    /// <summary>The link workers' rows of one role breakdown.</summary>
    public static List<ReportQueries.Row> LinkWorkers(IEnumerable<ReportQueries.Row> rows, string breakdown) =>
        [.. Of(rows, breakdown).Where(r => r.Text("role_code") == SpCaseloadRow.Role)];
}
