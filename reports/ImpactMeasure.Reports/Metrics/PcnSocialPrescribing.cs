namespace ImpactMeasure.Reports.Metrics;

/// <summary>Social prescribing by PCN for benchmarking (METHODS §4): link workers' referrals, people seen and days to
/// first contact from the referral outcomes, and wellbeing improvement from the wellbeing pairs. Every PCN is a row,
/// the blank code of practices in no PCN too, so the PCNs add up to the area's caseload and wellbeing totals and
/// disclosure control can hold them to it.</summary>
public static class PcnSocialPrescribing
{
    public static MetricTable<PcnCaseloadRow> Caseload(IReadOnlyList<ReportQueries.Row> outcomes, ReportWindow window)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        ArgumentNullException.ThrowIfNull(window);
        var rows = OutcomeBreakdown.LinkWorkers(outcomes, OutcomeBreakdown.RolePcn).GroupBy(r => r.Text("pcn_code"))
            .OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
            {
                var c = OutcomeCounts.Sum(g);
                var squares = g.Sum(r => r.Number("attended_days_squared") ?? 0);
                double? mean = c.Attended == 0 ? null : (double)c.AttendedDaysToOutcome / c.Attended;
                double? sd = c.Attended < 2 ? null : Math.Sqrt(Math.Max(0, (squares - (c.Attended * mean!.Value * mean.Value)) / (c.Attended - 1)));
                return new PcnCaseloadRow(g.Key, g.Max(r => r.Text("pcn_name")) ?? "", window.Key, c.Referrals, c.Attended, mean, sd);
            }).ToList();
        return new MetricTable<PcnCaseloadRow>("pcn_sp_caseload", "Social prescribing referrals, people seen and days to first contact by PCN", PcnCaseloadRow.Columns, rows)
        {
            Methods = ["link workers' referrals received in the window by the PCN of the referring practice; days to first contact over the people seen (mean and standard deviation)"],
        };
    }

    /// <param name="tally">rpt_wellbeing_pairs over the wellbeing cohort</param>
    /// <param name="cohort">the wellbeing cohort's window (<see cref="WellbeingChange.CohortWindow"/>)</param>
    /// <param name="parameters">the meaningful changes</param>
    public static MetricTable<PcnWellbeingRow> Wellbeing(WellbeingTally tally, ReportWindow cohort, MethodParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(tally);
        ArgumentNullException.ThrowIfNull(cohort);
        ArgumentNullException.ThrowIfNull(parameters);
        var rows = tally.Pcns.OrderBy(p => p.Key.Pcn, StringComparer.Ordinal).ThenBy(p => p.Key.Instrument, StringComparer.Ordinal)
            .Select(p => new PcnWellbeingRow(p.Key.Pcn, p.Value.Names.Max() ?? "", p.Key.Instrument, cohort.Key, p.Value.Paired, p.Value.Improved))
            .ToList();
        return new MetricTable<PcnWellbeingRow>("pcn_wellbeing", "People with both wellbeing scores and people improved, by PCN and instrument", PcnWellbeingRow.Columns, rows)
        {
            Methods = [$"cohort: referrals whose follow-up (baseline + {parameters.WellbeingFollowupWeeks} weeks) fell due in the {parameters.WellbeingWindowMonths} months to the report month, by the PCN of the referring practice; improved = change of at least the instrument's meaningful change in the better direction"],
        };
    }
}
