using ImpactMeasure.Reports.Statistics;

namespace ImpactMeasure.Reports.Tests;

public class BootstrapAndSuppressionTests
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

    [Fact]
    public void Counts_of_1_to_7_are_suppressed_and_zero_stays()
    {
        SmallNumberSuppression.Line([0, 1, 7, 8, 100], hasTotal: false).Should().Equal(false, true, true, false, false);
    }

    [Fact]
    public void A_lone_suppressed_cell_in_a_line_with_a_total_takes_the_next_smallest_with_it()
    {
        SmallNumberSuppression.Line([50, 3, 0, 12, 9]).Should().Equal(false, true, false, false, true);
        SmallNumberSuppression.Line([50, 3, 5, 12]).Should().Equal(false, true, true, false);
    }

    [Fact]
    public void Secondary_suppression_runs_across_rows_and_columns_until_nothing_can_be_recovered()
    {
        long[,] table =
        {
            { 20, 4, 30 },
            { 25, 40, 35 },
            { 60, 50, 45 },
        };

        var suppressed = SmallNumberSuppression.Cells(table);

        // 4 is primary; its row takes 20; then column 0 (20 alone) takes 25 and column 1 (4 alone) takes 40.
        var cells = Enumerable.Range(0, 3).SelectMany(r => Enumerable.Range(0, 3).Where(c => suppressed[r, c]).Select(c => table[r, c])).ToList();
        cells.Should().BeEquivalentTo(new long[] { 4, 20, 25, 40 });
        for (var r = 0; r < 3; r++)
            Enumerable.Range(0, 3).Count(c => suppressed[r, c]).Should().NotBe(1, $"row {r} must not have a lone suppressed cell");
        for (var c = 0; c < 3; c++)
            Enumerable.Range(0, 3).Count(r => suppressed[r, c]).Should().NotBe(1, $"column {c} must not have a lone suppressed cell");
    }
}
