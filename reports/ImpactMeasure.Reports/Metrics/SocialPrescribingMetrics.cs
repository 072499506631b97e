namespace ImpactMeasure.Reports.Metrics;

/// <summary>METHODS §3: social prescribing caseload (referrals received, people seen, days to first contact), the
/// referral source mix and the inappropriate-referral rate by referrer role.</summary>
public static class SocialPrescribingMetrics
{
    public const string LinkWorker = SpCaseloadRow.Role;

    public static MetricTable<SpCaseloadRow> Caseload(IReadOnlyList<ReportQueries.Row> rows, ReportWindow window)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(window);
        var months = OutcomeBreakdown.LinkWorkers(rows, OutcomeBreakdown.RoleMonth).GroupBy(r => ReportWindow.MonthKey(r.Date("month_start_date")))
            .OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => Row(g.Key, g.Key, g));
        var referrals = OutcomeBreakdown.LinkWorkers(rows, OutcomeBreakdown.Role);
        var all = referrals.Count == 0 ? [] : new[] { Row("all", window.Key, referrals) };
        return new MetricTable<SpCaseloadRow>("sp_caseload", "Social prescribing caseload by month", SpCaseloadRow.Columns, [.. months, .. all]);
    }

    private static SpCaseloadRow Row(string month, string key, IEnumerable<ReportQueries.Row> rows)
    {
        var c = OutcomeCounts.Sum(rows);
        return new SpCaseloadRow(month, key, c, c.Attended == 0 ? null : (double)c.AttendedDaysToOutcome / c.Attended,
            c.Attended == 0 ? "nobody seen yet: no first-contact time" : "");
    }

    public static MetricTable<SpReferrerRow> ByReferrer(IReadOnlyList<ReportQueries.Row> rows, ReportWindow window, MethodParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(parameters);
        var referrals = OutcomeBreakdown.LinkWorkers(rows, OutcomeBreakdown.RoleReferrer);
        var total = referrals.Sum(r => r.Count("referrals"));
        var result = referrals.GroupBy(r => r.Text("referrer_role_code")).OrderBy(g => g.Key, StringComparer.Ordinal).Select(role =>
        {
            var c = OutcomeCounts.Sum(role);
            return new SpReferrerRow(role.Key, window.Key, c, total, total == 0 ? null : (double)c.Referrals / total,
                Proportion.Of(c.RejectedInappropriate, c.WithDecision, parameters.Confidence),
                c.WithDecision == 0 ? "no referrals with a service decision: rate not available" : "");
        }).ToList();
        return new MetricTable<SpReferrerRow>("sp_referral_sources", "Social prescribing referrals by referrer role: source mix and inappropriate referrals",
            SpReferrerRow.Columns, result);
    }
}
