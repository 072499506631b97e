using ImpactMeasure.Reports.Statistics;

namespace ImpactMeasure.Reports.Tests;

public class BootstrapTests
{
    [Fact]
    public void A_bootstrap_interval_is_repeatable_with_its_seed_and_covers_the_mean()
    {
        var random = new Random(5);
        var values = Enumerable.Range(0, 400).Select(_ => 10 + (random.NextDouble() * 4)).ToList();

        var first = BootstrapInterval.Percentile(values, s => s.Average(), seed: 42);
        var again = BootstrapInterval.Percentile(values, s => s.Average(), seed: 42);
        var other = BootstrapInterval.Percentile(values, s => s.Average(), seed: 43);

        again.Should().Be(first);
        other.Should().NotBe(first);
        first.Lower.Should().BeLessThan(values.Average());
        first.Upper.Should().BeGreaterThan(values.Average());
        // The standard error of the mean of U(10,14) over 400 is 1.155/20: the 95% interval is about ±0.113.
        (first.Upper - first.Lower).Should().BeInRange(0.18, 0.27);
    }

    [Fact]
    public void Fewer_than_1000_resamples_are_refused()
    {
        var act = () => BootstrapInterval.Percentile([1.0, 2.0], s => s.Average(), seed: 1, resamples: 999);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }
}
