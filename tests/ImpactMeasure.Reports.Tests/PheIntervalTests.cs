using ImpactMeasure.Reports.Statistics;

namespace ImpactMeasure.Reports.Tests;

/// <summary>Every row of the PHEindicatormethods vectors for Wilson, Byar's, exact Poisson, rates and ISRs.</summary>
public class PheIntervalTests
{
    private const double Tolerance = 1e-9;

    [Fact]
    public void Wilson_matches_phe_test_data()
    {
        foreach (var row in Vector.Read("phe_wilson_proportion_ci.csv"))
        {
            if (row.Number("x") is not { } x || row.Number("n") is not { } n)
            {
                row.Number("expected_lower").Should().BeNull("NA in, NA out");
                continue;
            }
            var multiplier = row.Value("multiplier");
            var interval = WilsonInterval.Of(x, n, row.Value("confidence")).Scale(multiplier);
            Close.Check(interval.Lower, row.Value("expected_lower"), Tolerance, row.ToString());
            Close.Check(interval.Upper, row.Value("expected_upper"), Tolerance, row.ToString());
            if (row.Number("expected_value") is { } value)
                Close.Check(x / n * multiplier, value, Tolerance, row.ToString());
        }
    }

    [Fact]
    public void Wilson_matches_the_generated_grid_including_x_0_and_x_n()
    {
        foreach (var row in Vector.Read("phe_generated_wilson_grid.csv"))
        {
            var interval = WilsonInterval.Of(row.Value("x"), row.Value("n"), row.Value("confidence"));
            Close.Check(interval.Lower, row.Value("lower"), Tolerance, row.ToString());
            Close.Check(interval.Upper, row.Value("upper"), Tolerance, row.ToString());
            Close.Check(interval.Scale(100).Upper, row.Value("pct_upper"), Tolerance, row.ToString());
        }
    }

    [Fact]
    public void Byars_matches_phe_test_data()
    {
        foreach (var row in Vector.Read("phe_byars_count_ci.csv"))
        {
            var interval = PoissonInterval.Byars(row.Value("x"), row.Value("confidence"));
            Close.Check(interval.Lower, row.Number("expected_lower"), Tolerance, row.ToString());
            Close.Check(interval.Upper, row.Value("expected_upper"), Tolerance, row.ToString());
        }
    }

    [Fact]
    public void Count_intervals_match_the_generated_grid_exact_below_10_byars_from_10()
    {
        foreach (var row in Vector.Read("phe_generated_count_ci_grid.csv"))
        {
            var (x, confidence) = (row.Value("x"), row.Value("confidence"));
            PoissonInterval.MethodFor(x).Should().Be(row.Text("method"));
            var count = PoissonInterval.Count(x, confidence);
            Close.Check(count.Lower, row.Value("count_lower"), Tolerance, row.ToString());
            Close.Check(count.Upper, row.Value("count_upper"), Tolerance, row.ToString());
            var byars = PoissonInterval.Byars(x, confidence);
            Close.Check(byars.Lower, row.Number("byars_lower_raw"), Tolerance, row.ToString());
            Close.Check(byars.Upper, row.Value("byars_upper_raw"), Tolerance, row.ToString());
            var exact = PoissonInterval.Exact(x, confidence);
            Close.Check(exact.Lower, row.Value("exact_lower_raw"), Tolerance, row.ToString());
            Close.Check(exact.Upper, row.Value("exact_upper_raw"), Tolerance, row.ToString());
            var (value, rate) = PoissonInterval.Rate(x, row.Value("rate_n"), row.Value("rate_multiplier"), confidence);
            Close.Check(value, row.Value("rate_value"), Tolerance, row.ToString());
            Close.Check(rate.Upper, row.Value("rate_upper"), Tolerance, row.ToString());
        }
    }

    [Fact]
    public void Rates_match_phe_test_data()
    {
        foreach (var row in Vector.Read("phe_rate_ci.csv"))
        {
            if (row.Number("x") is not { } x || row.Number("n") is null)
            {
                row.Number("expected_value").Should().BeNull("NA in, NA out");
                continue;
            }
            var (value, interval) = PoissonInterval.Rate(x, row.Value("n"), row.Value("multiplier"), row.Value("confidence"));
            PoissonInterval.MethodFor(x).Should().Be(row.Text("method"), row.ToString());
            Close.Check(value, row.Value("expected_value"), Tolerance, row.ToString());
            Close.Check(interval.Lower, row.Value("expected_lower"), Tolerance, row.ToString());
            Close.Check(interval.Upper, row.Value("expected_upper"), Tolerance, row.ToString());
        }
    }

    [Fact]
    public void Indirectly_standardised_ratios_and_rates_match_phe_test_data()
    {
        var strata = Vector.Read("phe_isr_inputs.csv")
            .GroupBy(r => (Dataset: r.Text("dataset"), Area: r.Text("area")))
            .ToDictionary(g => g.Key, g => g.Select(r => new IndirectStandardisation.Stratum(
                r.Number("count"), r.Number("pop"), r.Number("refcount"), r.Number("refpop"))).ToList());
        foreach (var row in Vector.Read("phe_isr_results.csv"))
        {
            var area = strata[(row.Text("dataset"), row.Text("area"))];
            var (observed, expected) = (IndirectStandardisation.Observed(area), IndirectStandardisation.Expected(area));
            Close.Check(observed, row.Value("expected_observed"), Tolerance, row.ToString());
            Close.Check(expected, row.Value("expected_expected"), Tolerance, row.ToString());
            var (value, interval) = row.Text("statistic") == "ISRatio"
                ? IndirectStandardisation.Ratio(observed, expected, row.Value("multiplier_or_refvalue"), row.Value("confidence"))
                : RateOf(area, row);
            PoissonInterval.MethodFor(observed).Should().Be(row.Text("method"));
            Close.Check(value, row.Value("expected_value"), Tolerance, row.ToString());
            Close.Check(interval.Lower, row.Value("expected_lower"), Tolerance, row.ToString());
            Close.Check(interval.Upper, row.Value("expected_upper"), Tolerance, row.ToString());
        }
    }

    private static (double, Interval) RateOf(List<IndirectStandardisation.Stratum> area, Vector row)
    {
        var (value, interval, referenceRate) = IndirectStandardisation.Rate(area, row.Value("multiplier_or_refvalue"), row.Value("confidence"));
        Close.Check(referenceRate, row.Value("expected_ref_rate"), Tolerance, row.ToString());
        return (value, interval);
    }
}
