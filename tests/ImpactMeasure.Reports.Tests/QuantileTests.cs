using ImpactMeasure.Reports.Statistics;

namespace ImpactMeasure.Reports.Tests;

/// <summary>R's type 7 quantile, as R computes it (the values below are R's <c>quantile(x, p, type = 7)</c>), two at a
/// time from one sort, whatever order the values come in.</summary>
public class QuantileTests
{
    [Theory]
    [InlineData(0.25, 0.75, 1.75, 5.25)]
    [InlineData(0.025, 0.975, 1.0, 8.475)]
    [InlineData(0.0, 1.0, 1.0, 9.0)]
    [InlineData(0.5, 0.5, 3.5, 3.5)]
    public void Two_quantiles_equal_Rs_type_7(double low, double high, double expectedLow, double expectedHigh)
    {
        double[] values = [3, 1, 4, 1, 5, 9, 2, 6];

        var (lower, upper) = OverdispersedFunnel.Quantiles7(values, low, high);

        lower.Should().BeApproximately(expectedLow, 1e-12);
        upper.Should().BeApproximately(expectedHigh, 1e-12);
        values.Should().Equal([3, 1, 4, 1, 5, 9, 2, 6], "the caller's values are not sorted in place");
    }
}
