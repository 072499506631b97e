using ImpactMeasure.Reports.Models;
using ImpactMeasure.Testing;

namespace ImpactMeasure.Reports.Tests;

/// <summary>The staggered difference in differences on the sample, whose generator plants a 5% fall in GP
/// appointments from the month a practice's link worker starts.</summary>
[Collection(SampleWarehouseGroup.Name)]
public class DidSampleTests(SampleWarehouses sample)
{
    [Theory, BothEngines]
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
    }
}
