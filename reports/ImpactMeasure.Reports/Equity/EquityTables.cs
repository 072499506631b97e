using ImpactMeasure.Reports.Metrics;
using ImpactMeasure.Reports.Statistics;

namespace ImpactMeasure.Reports.Equity;

/// <summary>Who the service reaches (issue: equity): referrals and their outcomes by deprivation quintile (quintile 1
/// is Core20PLUS5's Core20, the most deprived 20%), age band and sex, and the slope and relative index of inequality
/// of the acceptance and inappropriate-referral rates across the quintiles.</summary>
public static class EquityTables
{
    public const int Repetitions = 100_000;

    public static (MetricTable<EquityRow> Groups, MetricTable<InequalityRow> Inequality) Build(IReadOnlyList<ReportQueries.Row> rows, ReportWindow window,
        MethodParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(parameters);
        var total = rows.Sum(r => r.Count("referrals"));
        var groups = new List<EquityRow>();
        foreach (var (family, column, order, label) in Families)
        {
            groups.AddRange(rows.GroupBy(r => r.Text(column)).OrderBy(g => Array.IndexOf(order, g.Key)).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g =>
                new EquityRow(family, g.Key, label(g.Key), window.Key, g.Sum(r => r.Count("referrals")), total, g.Sum(r => r.Count("with_decision")),
                    g.Sum(r => r.Count("accepted_by_service")), g.Sum(r => r.Count("rejected_inappropriate")), parameters.Confidence)
                {
                    Signposted = g.Sum(r => r.Count("signposted")),
                    Diverted = g.Sum(r => r.Count("diverted")),
                }));
        }
        var quintiles = Enumerable.Range(1, 5).Select(q => groups.FirstOrDefault(g => g.Family == "imd" && g.Group == q.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .OfType<EquityRow>().ToList();
        var inequality = new List<InequalityRow>
        {
            Inequality("acceptance_rate", quintiles, q => q.Accepted, parameters),
            Inequality("inappropriate_rate", quintiles, q => q.Inappropriate, parameters),
            Inequality("diversion_rate", quintiles, q => q.Diverted, parameters),
        };
        return (new MetricTable<EquityRow>("equity", "Referrals and outcomes by deprivation quintile, age band and sex", EquityRow.Columns, groups)
            {
                Methods = ["Quintile 1 is the most deprived 20% of areas (IMD, Core20PLUS5's Core20); 'Unknown' where the extract gave no decile. Acceptance and inappropriate-referral rates of referrals with a service decision; the diversion rate of care navigators' signposting events (diverted = accepted or attended, METHODS §1); 95% Wilson intervals."],
            },
            new MetricTable<InequalityRow>("inequality", "Slope and relative index of inequality across deprivation quintiles", InequalityRow.Columns, inequality)
            {
                Methods = [$"phe_sii (PHEindicatormethods 2.1.0): proportions, not transformed, quintiles most deprived first, weighted by each rate's denominator (referrals with a decision; signposting events for diversion); limits from {Repetitions:N0} simulations (seed {parameters.BootstrapSeed}). SII is the rate in the least deprived minus the most deprived along the fitted line; blank when a quintile has no decisions or a rate of 0 or 1."],
            });
    }

    /// <summary>Wellbeing change by patient group and instrument over the wellbeing cohort (the person's group is their
    /// referral's), as wellbeing_change counts it: people with both scores and people improved by the instrument's
    /// meaningful change. Instruments are never pooled: their scales and meaningful changes differ.</summary>
    /// <param name="tally">rpt_wellbeing_pairs over the wellbeing cohort</param>
    /// <param name="cohort">the wellbeing cohort's window (<see cref="WellbeingChange.CohortWindow"/>)</param>
    /// <param name="parameters">the meaningful changes and the intervals' level</param>
    public static MetricTable<EquityWellbeingRow> Wellbeing(WellbeingTally tally, ReportWindow cohort, MethodParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(tally);
        ArgumentNullException.ThrowIfNull(cohort);
        ArgumentNullException.ThrowIfNull(parameters);
        var rows = new List<EquityWellbeingRow>();
        foreach (var (family, column, order, label) in Families)
        {
            rows.AddRange(tally.Groups.Where(g => g.Key.Column == column)
                .OrderBy(g => g.Key.Instrument, StringComparer.Ordinal).ThenBy(g => Array.IndexOf(order, g.Key.Group)).ThenBy(g => g.Key.Group, StringComparer.Ordinal)
                .Select(g => new EquityWellbeingRow(family, g.Key.Group, label(g.Key.Group), g.Key.Instrument, cohort.Key, g.Value.Paired, g.Value.Improved,
                    parameters.Confidence)));
        }
        return new MetricTable<EquityWellbeingRow>("equity_wellbeing", "Wellbeing improvement by deprivation quintile, age band and sex, by instrument",
            EquityWellbeingRow.Columns, rows)
        {
            Methods = [$"cohort: referrals whose follow-up (baseline + {parameters.WellbeingFollowupWeeks} weeks) fell due in the {parameters.WellbeingWindowMonths} months to the report month; a person's group is their referral's ('Unknown' / not known where the extract gave none or the referral is not loaded); improved = change of at least the instrument's meaningful change in the better direction; 95% Wilson intervals; instruments are not pooled."],
        };
    }

    private static readonly (string Family, string Column, string[] Order, Func<string, string> Label)[] Families =
    [
        ("imd", "deprivation_quintile", ["1", "2", "3", "4", "5", "Unknown"], q => q switch
        {
            "1" => "1 (most deprived 20%)",
            "5" => "5 (least deprived 20%)",
            _ => q,
        }),
        ("age", "age_band", ["0-17", "18-39", "40-64", "65-79", "80+", "Unknown"], a => a),
        ("sex", "sex", ["F", "M", "U"], s => s switch { "F" => "Female", "M" => "Male", _ => "Not known" }),
    ];

    private static InequalityRow Inequality(string measure, List<EquityRow> quintiles, Func<EquityRow, long> numerator, MethodParameters parameters)
    {
        var denominator = InequalityRow.DenominatorOf(measure);
        if (quintiles.Count != 5 || quintiles.Any(q => denominator(q) == 0 || numerator(q) == 0 || numerator(q) == denominator(q)))
            return new InequalityRow(measure, quintiles, numerator, null);
        var input = quintiles.Select(q =>
        {
            var p = Proportion.Of(numerator(q), denominator(q), 0.95);
            return new InequalityQuantile(denominator(q), p.Value!.Value, SlopeIndexOfInequality.StandardErrorFromLimits(p.Lower!.Value, p.Upper!.Value, InequalityValueType.Proportion));
        }).ToList();
        var index = SlopeIndexOfInequality.Compute(input, InequalityValueType.Proportion, transform: false, multiplier: 1, [parameters.Confidence], Repetitions,
            SlopeIndexOfInequality.SeededNormal(5, Repetitions, parameters.BootstrapSeed));
        return new InequalityRow(measure, quintiles, numerator, index);
    }
}
