namespace ImpactMeasure.Reports.Metrics;

/// <summary>METHODS §3: social prescribing caseload (referrals received, people seen, days to first contact), the
/// referral source mix and the inappropriate-referral rate by referrer role.</summary>
public static class SocialPrescribingMetrics
{
    public const string LinkWorker = "social_prescribing_link_worker";

    public static MetricTable Caseload(IReadOnlyList<ReportQueries.Row> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var table = new MetricTable("sp_caseload", "Social prescribing caseload by month",
        [
            new("month", ColumnKind.Text), new("referrals_received", ColumnKind.Count), new("people_seen", ColumnKind.Count),
            new("mean_days_to_first_contact", ColumnKind.Derived, "0.0", "people_seen"), new("declined_by_patient", ColumnKind.Count),
            new("rejected_inappropriate", ColumnKind.Count), new("pending", ColumnKind.Count), new("note", ColumnKind.Text),
        ], []);
        var referrals = rows.Where(r => r.Text("role_code") == LinkWorker).ToList();
        foreach (var month in referrals.GroupBy(r => r.Date("month_start_date").ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture)).Append(referrals.GroupBy(_ => "all").FirstOrDefault()).Where(g => g is not null).Select(g => g!))
        {
            var c = OutcomeCounts.Sum(month);
            table.Add(month.Key, c.Referrals, c.Attended, c.Attended == 0 ? null : (double)c.AttendedDaysToOutcome / c.Attended, c.DeclinedByPatient,
                c.RejectedInappropriate, c.Pending, c.Attended == 0 ? "nobody seen yet: no first-contact time" : "");
        }
        return table;
    }

    public static MetricTable ByReferrer(IReadOnlyList<ReportQueries.Row> rows, MethodParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(parameters);
        var table = new MetricTable("sp_referral_sources", "Social prescribing referrals by referrer role: source mix and inappropriate referrals",
        [
            new("referrer_role", ColumnKind.Text), new("referrals", ColumnKind.Count), new("share_of_referrals", ColumnKind.Derived, "0.0000", "referrals"),
            new("with_service_decision", ColumnKind.Count), new("rejected_inappropriate", ColumnKind.Count),
            new("inappropriate_rate", ColumnKind.Derived, "0.0000", "rejected_inappropriate", "with_service_decision"),
            new("inappropriate_lower_95", ColumnKind.Derived, "0.0000", "rejected_inappropriate", "with_service_decision"),
            new("inappropriate_upper_95", ColumnKind.Derived, "0.0000", "rejected_inappropriate", "with_service_decision"),
            new("note", ColumnKind.Text),
        ], []);
        var referrals = rows.Where(r => r.Text("role_code") == LinkWorker).ToList();
        var total = referrals.Sum(r => r.Count("referrals"));
        foreach (var role in referrals.GroupBy(r => r.Text("referrer_role_code")).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var c = OutcomeCounts.Sum(role);
            var rate = Proportion.Of(c.RejectedInappropriate, c.WithDecision, parameters.Confidence);
            table.Add([role.Key, c.Referrals, total == 0 ? null : (double)c.Referrals / total, c.WithDecision, c.RejectedInappropriate, .. rate.Cells,
                c.WithDecision == 0 ? "no referrals with a service decision: rate not available" : ""]);
        }
        return table;
    }
}
