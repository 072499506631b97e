namespace ImpactMeasure.Reports.Metrics;

/// <summary>METHODS §2: acceptance, capacity-rejection and inappropriate-referral rates (÷ referrals with a service
/// decision) and patient uptake, with Wilson intervals, by service, PCN, practice and month.</summary>
public static class ReferralOutcomeMetrics
{
    /// <param name="rows">rpt_referral_outcomes' rows (its breakdowns: <see cref="OutcomeBreakdown"/>)</param>
    /// <param name="window">the window</param>
    /// <param name="parameters">the interval's level</param>
    public static MetricTable<ReferralOutcomeRow> Build(IReadOnlyList<ReportQueries.Row> rows, ReportWindow window, MethodParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(parameters);
        var result = new List<ReferralOutcomeRow>();
        Add(result, window, parameters, "all", OutcomeBreakdown.Of(rows, OutcomeBreakdown.All).GroupBy(_ => "ALL"), _ => "All referrals");
        Add(result, window, parameters, "service", OutcomeBreakdown.Of(rows, OutcomeBreakdown.Service).GroupBy(r => r.Text("service_code")),
            g => g.Max(r => r.Text("service_name"))!);
        Add(result, window, parameters, "pcn", OutcomeBreakdown.Of(rows, OutcomeBreakdown.Pcn).GroupBy(r => r.Text("pcn_code")), g => g.Max(r => r.Text("pcn_name"))!);
        Add(result, window, parameters, "practice", OutcomeBreakdown.Of(rows, OutcomeBreakdown.Practice).GroupBy(r => r.Text("practice_code")),
            g => g.Max(r => r.Text("practice_name"))!);
        Add(result, window, parameters, "month", OutcomeBreakdown.Of(rows, OutcomeBreakdown.Month).GroupBy(r => ReportWindow.MonthKey(r.Date("month_start_date"))), _ => "");
        return new MetricTable<ReferralOutcomeRow>("referral_outcomes", "Referral and signposting outcomes by service, PCN, practice and month",
            ReferralOutcomeColumns.All, result);
    }

    private static void Add(List<ReferralOutcomeRow> result, ReportWindow window, MethodParameters parameters, string breakdown,
        IEnumerable<IGrouping<string, ReportQueries.Row>> groups, Func<IGrouping<string, ReportQueries.Row>, string> name)
    {
        foreach (var group in groups.OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var c = OutcomeCounts.Sum(group);
            var ci = parameters.Confidence;
            var note = c.WithDecision == 0
                ? c.Pending == c.Referrals ? "all outcomes pending: no rates yet" : "no referrals with a service decision: rates not available"
                : "";
            result.Add(new ReferralOutcomeRow(breakdown, group.Key, name(group), window.Key, c, Proportion.Of(c.AcceptedByService, c.WithDecision, ci),
                Proportion.Of(c.RejectedCapacity, c.WithDecision, ci), Proportion.Of(c.RejectedInappropriate, c.WithDecision, ci),
                Proportion.Of(c.Offered - c.DeclinedByPatient, c.Offered, ci), note));
        }
    }
}
