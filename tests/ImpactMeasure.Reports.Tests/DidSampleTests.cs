using ImpactMeasure.Reports.Models;
using ImpactMeasure.Testing;

namespace ImpactMeasure.Reports.Tests;

/// <summary>The staggered difference in differences on the sample, whose generator plants a 5% fall in GP
/// appointments from the month a practice's link worker starts.</summary>
[Collection(SampleWarehouseGroup.Name)]
public class DidSampleTests(SampleWarehouses sample)
{
    [Theory, EveryEngine]
    public async Task The_sample_planted_five_percent_fall_is_recovered(string engine)
    {
        await using var warehouse = await sample[engine].OpenAsync(ImpactMeasure.Warehouse.WarehouseAccess.ReadOnly);
        var window = ReportWindow.Ending(new DateOnly(2025, 9, 1), 24, null);

        var result = await new DidReport(warehouse).RunAsync(window);

        var (estimate, lower, upper) = result.Relative;
        result.Treated.Should().BeGreaterThan(30);
        lower.Should().BeLessThan(-0.05, $"the planted -5% lies inside the interval (estimate {estimate:P2})");
        upper.Should().BeGreaterThan(-0.05).And.BeLessThan(0);
        DidReport.Summary(window, result).Should().Contain("Estimate: after their link worker started, practices had -");
        result.ByPcn.Clusters.Should().BeInRange(9, 12, "the sample's practices sit in 11 PCNs and the unallocated");
        result.ByPcn.StdError.Should().BeGreaterThan(0);
        var (bootLower, bootUpper) = result.RelativeBootstrapByPcn;
        bootLower.Should().BeLessThan(-0.05, "the wild cluster bootstrap interval holds the planted -5% too");
        bootUpper.Should().BeGreaterThan(-0.05);
        DidReport.Summary(window, result).Should().Contain("Cite the bootstrap interval", "the sample's PCNs are few");
    }

    [Fact]
    public void A_clustered_error_with_one_unit_a_cluster_is_the_unit_error_with_the_small_sample_factor()
    {
        var influence = new[] { 1.5, -2.0, 0.3, 4.1, -3.9 };
        var plain = Math.Sqrt(influence.Sum(v => v * v)) / influence.Length;

        StaggeredDid.ClusteredStdError(influence, ["a", "b", "c", "d", "e"]).Should().BeApproximately(plain * Math.Sqrt(5.0 / 4), 1e-12);
        StaggeredDid.ClusteredStdError(influence, ["a", "a", "b", "b", "b"]).Should().BeApproximately(Math.Sqrt(2.0 * ((-0.5 * -0.5) + (0.5 * 0.5))) / 5, 1e-12,
            "the influence is summed within clusters first");
    }
}
