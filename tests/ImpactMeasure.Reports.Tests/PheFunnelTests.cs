using ImpactMeasure.Reports.Statistics;

namespace ImpactMeasure.Reports.Tests;

/// <summary>Every row of the PHEindicatormethods funnel vectors: proportion, ratio and rate limits and labels.</summary>
public class PheFunnelTests
{
    private const double Tolerance = 1e-9;

    [Fact]
    public void Proportion_limits_and_labels_match_for_every_area()
    {
        var rows = Vector.Read("phe_funnel_proportion_inputs.csv");
        var average = rows.Sum(r => r.Value("numerator")) / rows.Sum(r => r.Value("denominator"));

        foreach (var row in rows)
        {
            Close.Check(average, row.Value("gen_average"), Tolerance, row.ToString());
            var n = row.Value("denominator");
            var narrow = PheFunnel.ProportionLimits(average, n, 0.95);
            var wide = PheFunnel.ProportionLimits(average, n, 0.998);
            Close.Check(narrow.Lower, row.Value("gen_lower_95"), Tolerance, row.ToString());
            Close.Check(narrow.Upper, row.Value("gen_upper_95"), Tolerance, row.ToString());
            Close.Check(wide.Lower, row.Value("gen_lower_998"), Tolerance, row.ToString());
            Close.Check(wide.Upper, row.Value("gen_upper_998"), Tolerance, row.ToString());
            PheFunnel.ProportionSignificance(row.Value("numerator"), n, average).Should().Be(row.Text("expected_significance"), row.ToString());
        }
    }

    [Fact]
    public void Proportion_funnel_lines_match_both_scenarios()
    {
        foreach (var row in Vector.Read("phe_funnel_proportion_limits.csv"))
        {
            var average = row.Value("gen_baseline") / 100;
            var n = row.Value("population");
            var narrow = PheFunnel.ClipProportion(PheFunnel.ProportionLimits(average, n, 0.95), 100);
            var wide = PheFunnel.ClipProportion(PheFunnel.ProportionLimits(average, n, 0.998), 100);
            Close.Check(narrow.Lower, row.Value("gen_lower_95"), Tolerance, row.ToString());
            Close.Check(narrow.Upper, row.Value("gen_upper_95"), Tolerance, row.ToString());
            Close.Check(wide.Lower, row.Value("gen_lower_998"), Tolerance, row.ToString());
            Close.Check(wide.Upper, row.Value("gen_upper_998"), Tolerance, row.ToString());
            Close.Check(narrow.Lower, row.Value("stored_lower_95"), 1e-6, row.ToString());
        }
    }

    [Fact]
    public void Ratio_funnel_expected_events_match_the_bisection()
    {
        foreach (var row in Vector.Read("phe_funnel_ratio_limits.csv"))
        {
            var o = row.Value("observed_events");
            foreach (var (level, confidence) in new[] { ("95", 0.95), ("998", 0.998) })
            {
                var (lower, upper) = PheFunnel.RatioLimitExpected(o, confidence);
                Close.Check(lower, row.Value($"gen_lower_{level}_exp_events"), Tolerance, row.ToString());
                Close.Check(upper, row.Value($"gen_upper_{level}_exp_events"), Tolerance, row.ToString());
                var limits = PheFunnel.RatioLimits(o, confidence);
                Close.Check(limits.Lower * 100, row.Value($"gen_lower_{level}_isr"), Tolerance, row.ToString());
                Close.Check(limits.Upper - 1, row.Value($"gen_upper_{level}_count"), Tolerance, row.ToString());
            }
        }
    }

    [Fact]
    public void Ratio_significance_matches_for_every_unit()
    {
        foreach (var row in Vector.Read("phe_funnel_ratio_inputs.csv"))
        {
            var (o, e) = (row.Value("observed"), row.Value("expected"));
            var narrow = FunnelSignificance.RatioBounds(o, e, 0.95);
            var wide = FunnelSignificance.RatioBounds(o, e, 0.998);
            Close.Check(narrow.Lower, row.Value("gen_ci_lower_95"), Tolerance, row.ToString());
            Close.Check(narrow.Upper, row.Value("gen_ci_upper_95"), Tolerance, row.ToString());
            Close.Check(wide.Lower, row.Value("gen_ci_lower_998"), Tolerance, row.ToString());
            Close.Check(wide.Upper, row.Value("gen_ci_upper_998"), Tolerance, row.ToString());
            FunnelSignificance.AgainstBounds(1, o, e).Should().Be(row.Text("expected_significance"), row.ToString());
        }
    }

    [Fact]
    public void Rate_funnel_lines_match_every_scenario()
    {
        foreach (var row in Vector.Read("phe_funnel_rate_limits.csv"))
        {
            var average = row.Value("gen_baseline") / 100_000;
            var years = 3;
            foreach (var (level, confidence) in new[] { ("95", 0.95), ("998", 0.998) })
            {
                var (limits, populations) = PheFunnel.RateLimits(row.Value("events"), average, 100_000, confidence);
                Close.Check(limits.Lower, row.Value($"gen_lower_{level}_limit"), Tolerance, row.ToString());
                Close.Check(limits.Upper, row.Value($"gen_upper_{level}_limit"), Tolerance, row.ToString());
                Close.Check(populations.Lower / years, row.Value($"gen_lower_{level}_population_1_year"), Tolerance, row.ToString());
                Close.Check(populations.Upper / years, row.Value($"gen_upper_{level}_population_1_year"), Tolerance, row.ToString());
            }
        }
    }

    [Theory]
    [InlineData("dsr", 100_000, true)]
    [InlineData("dsr", 100_000, false)]
    [InlineData("dsr", 100, true)]
    [InlineData("dsr", 100, false)]
    [InlineData("crude", 100_000, true)]
    [InlineData("crude", 100_000, false)]
    [InlineData("crude", 100, true)]
    [InlineData("crude", 100, false)]
    public void Rate_significance_matches_every_scenario(string kind, int multiplier, bool withZero)
    {
        var rows = Vector.Read("phe_funnel_rate_significance.csv");
        var rateColumn = kind == "dsr" ? "rate_dsr" : $"rate_crude_per_{multiplier}";
        var units = rows.Where(r => withZero || r.Value("count") > 0)
            .Select(r => (Row: r, Events: r.Value("count"), Denominator: FunnelRates.DerivedDenominator(r.Value("count"), r.Number(rateColumn), r.Number("pop"), multiplier, kind == "dsr")))
            .ToList();
        var average = FunnelRates.Average(units.Select(u => (u.Events, u.Denominator)));
        var column = $"{kind}_per_{multiplier}_{(withZero ? "with" : "without")}_0";

        foreach (var (row, events, denominator) in units)
        {
            var label = FunnelRates.Significance(events, denominator, average, isDsr: kind == "dsr");
            label.Should().Be(row.Text(column), row.ToString());
        }
    }
}
