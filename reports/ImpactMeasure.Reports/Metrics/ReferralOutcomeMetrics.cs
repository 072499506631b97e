namespace ImpactMeasure.Reports.Metrics;

/// <summary>METHODS §2: acceptance, capacity-rejection and inappropriate-referral rates (÷ referrals with a service
/// decision) and patient uptake, with Wilson intervals, by service, PCN, practice and month.</summary>
public static class ReferralOutcomeMetrics
{
    public static MetricTable Build(IReadOnlyList<ReportQueries.Row> rows, MethodParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(parameters);
        var table = new MetricTable("referral_outcomes", "Referral and signposting outcomes by service, PCN, practice and month",
        [
            new("breakdown", ColumnKind.Text), new("code", ColumnKind.Text), new("name", ColumnKind.Text),
            new("referrals", ColumnKind.Count), new("with_service_decision", ColumnKind.Count), new("accepted_by_service", ColumnKind.Count),
            new("rejected_capacity", ColumnKind.Count), new("rejected_inappropriate", ColumnKind.Count),
            new("declined_by_patient", ColumnKind.Count), new("pending", ColumnKind.Count),
            Rate("acceptance_rate", "accepted_by_service"), Rate("acceptance_lower_95", "accepted_by_service"), Rate("acceptance_upper_95", "accepted_by_service"),
            Rate("capacity_rejection_rate", "rejected_capacity"), Rate("capacity_rejection_lower_95", "rejected_capacity"), Rate("capacity_rejection_upper_95", "rejected_capacity"),
            Rate("inappropriate_rate", "rejected_inappropriate"), Rate("inappropriate_lower_95", "rejected_inappropriate"), Rate("inappropriate_upper_95", "rejected_inappropriate"),
            new("patient_uptake", ColumnKind.Derived, "0.0000", "referrals", "declined_by_patient"),
            new("patient_uptake_lower_95", ColumnKind.Derived, "0.0000", "referrals", "declined_by_patient"),
            new("patient_uptake_upper_95", ColumnKind.Derived, "0.0000", "referrals", "declined_by_patient"),
            new("note", ColumnKind.Text),
        ], ["breakdown"]);
        Add(table, parameters, "all", rows.GroupBy(_ => ("ALL", "All referrals")));
        Add(table, parameters, "service", rows.GroupBy(r => (r.Text("service_code"), r.Text("service_name"))));
        Add(table, parameters, "pcn", rows.GroupBy(r => (r.Text("pcn_code"), r.Text("pcn_name"))));
        Add(table, parameters, "practice", rows.GroupBy(r => (r.Text("practice_code"), r.Text("practice_name"))));
        Add(table, parameters, "month", rows.GroupBy(r => (r.Date("month_start_date").ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), "")));
        return table;
    }

    private static MetricColumn Rate(string name, string numerator) => new(name, ColumnKind.Derived, "0.0000", numerator, "with_service_decision");

    private static void Add(MetricTable table, MethodParameters parameters, string breakdown, IEnumerable<IGrouping<(string Code, string Name), ReportQueries.Row>> groups)
    {
        foreach (var group in groups.OrderBy(g => g.Key.Code, StringComparer.Ordinal))
        {
            var c = OutcomeCounts.Sum(group);
            var ci = parameters.Confidence;
            var acceptance = Proportion.Of(c.AcceptedByService, c.WithDecision, ci);
            var capacity = Proportion.Of(c.RejectedCapacity, c.WithDecision, ci);
            var inappropriate = Proportion.Of(c.RejectedInappropriate, c.WithDecision, ci);
            var uptake = Proportion.Of(c.Offered - c.DeclinedByPatient, c.Offered, ci);
            var note = c.WithDecision == 0
                ? c.Pending == c.Referrals ? "all outcomes pending: no rates yet" : "no referrals with a service decision: rates not available"
                : "";
            table.Add([breakdown, group.Key.Code, group.Key.Name, c.Referrals, c.WithDecision, c.AcceptedByService, c.RejectedCapacity,
                c.RejectedInappropriate, c.DeclinedByPatient, c.Pending, .. acceptance.Cells, .. capacity.Cells, .. inappropriate.Cells, .. uptake.Cells, note]);
        }
    }
}
