using ImpactMeasure.Reports.Metrics;
using ImpactMeasure.Warehouse.Reference;

namespace ImpactMeasure.Reports.Tests;

/// <summary>The paired wellbeing change's mean and t interval: R's <c>t.test</c> on a known case, MathNet's statistics
/// on SWEMWBS changes, and the same figures to the last bit whatever order the rows come in (the pairs query sets
/// none).</summary>
public class MeanIntervalTests
{
    [Fact]
    public void One_to_five_gives_Rs_t_test_interval()
    {
        // R: t.test(1:5)$conf.int = 1.036757 4.963243
        var (mean, lower, upper) = WellbeingChange.MeanInterval([1, 2, 3, 4, 5], 0.95);

        mean.Should().Be(3);
        lower!.Value.Should().BeApproximately(1.036757, 5e-7);
        upper!.Value.Should().BeApproximately(4.963243, 5e-7);
    }

    [Fact]
    public void Swemwbs_changes_match_MathNet_and_do_not_depend_on_order()
    {
        var random = new Random(20261206);
        var changes = Enumerable.Range(0, 5000)
            .Select(_ => SwemwbsScores.ToMetric(random.Next(7, 36)) - SwemwbsScores.ToMetric(random.Next(7, 36))).ToList();
        var mean = MathNet.Numerics.Statistics.Statistics.Mean(changes);
        var half = MathNet.Numerics.Distributions.StudentT.InvCDF(0, 1, changes.Count - 1, 0.975)
            * MathNet.Numerics.Statistics.Statistics.StandardDeviation(changes) / Math.Sqrt(changes.Count);

        var first = WellbeingChange.MeanInterval(changes, 0.95);

        first.Mean!.Value.Should().BeApproximately(mean, 1e-12);
        first.Lower!.Value.Should().BeApproximately(mean - half, 1e-12);
        first.Upper!.Value.Should().BeApproximately(mean + half, 1e-12);
        for (var shuffle = 0; shuffle < 10; shuffle++)
        {
            var shuffled = changes.OrderBy(_ => random.Next()).ToList();
            WellbeingChange.MeanInterval(shuffled, 0.95).Should().Be(first);
        }
    }

    [Fact]
    public void Equal_values_have_no_spread_and_one_value_no_interval()
    {
        WellbeingChange.MeanInterval([1.59, 1.59, 1.59, 1.59, 1.59, 1.59, 1.59], 0.95).Should().Be((1.59, 1.59, 1.59));
        WellbeingChange.MeanInterval([2.5], 0.95).Should().Be((2.5, null, null));
        WellbeingChange.MeanInterval([], 0.95).Should().Be((null, null, null));
    }
}
