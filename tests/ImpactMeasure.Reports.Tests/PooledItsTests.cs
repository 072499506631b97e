using ImpactMeasure.Reports.Models;
using ImpactMeasure.Reports.Models.Simulations;
using ImpactMeasure.Testing;

namespace ImpactMeasure.Reports.Tests;

/// <summary>The pooled ITS against planted effects: on the sample (the generator plants a 5% fall in GP appointments
/// from the month a practice's link worker starts) and by simulation, including a zero effect.</summary>
[Collection(SampleWarehouseGroup.Name)]
public class PooledItsTests(SampleWarehouses sample)
{
    [Theory, EveryEngine]
    public async Task The_sample_planted_five_percent_fall_is_recovered(string engine)
    {
        await using var warehouse = await sample[engine].OpenAsync(ImpactMeasure.Warehouse.WarehouseAccess.ReadOnly);

        var result = await new ItsReport(warehouse).RunAsync(ReportWindow.Ending(new DateOnly(2025, 9, 1), 24, null));

        result.Treated.Should().BeGreaterThan(30);
        result.LevelLower.Should().BeLessThan(-0.05, "the planted -5% lies inside the interval");
        result.LevelUpper.Should().BeGreaterThan(-0.05).And.BeLessThan(0);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.05)]
    [InlineData(-0.10)]
    public void Simulated_effects_including_none_are_covered_about_95_percent_of_the_time(double planted)
    {
        var outcome = ModelSimulations.Its(planted, trials: 200);

        outcome.Covered.Should().BeInRange(180, 200, $"a 95% interval covers the planted effect in about 95% of trials (seed {outcome.Seed})");
        if (planted == 0)
            outcome.Significant.Should().BeLessThanOrEqualTo(20, "no effect is called significant about 5% of the time");
        else
            outcome.Significant.Should().BeGreaterThan(190, "a planted fall of 5% or more is found");
    }
}
