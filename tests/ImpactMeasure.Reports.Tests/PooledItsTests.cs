using ImpactMeasure.Reports.Models;
using ImpactMeasure.Testing;

namespace ImpactMeasure.Reports.Tests;

/// <summary>The pooled ITS against planted effects: on the sample (the generator plants a 5% fall in GP appointments
/// from the month a practice's link worker starts) and by simulation, including a zero effect.</summary>
[Collection(SampleWarehouseGroup.Name)]
public class PooledItsTests(SampleWarehouses sample)
{
    [Theory, BothEngines]
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
        var random = new Random(20261204);
        const int trials = 200;
        var covered = 0;
        var significant = 0;
        for (var trial = 0; trial < trials; trial++)
        {
            var months = new List<PracticeMonth>();
            for (var p = 0; p < 40; p++)
            {
                int? start = p < 30 ? 8 + random.Next(12) : null;
                var level = Math.Log(80 + (random.NextDouble() * 60));
                for (var t = 1; t <= 24; t++)
                {
                    var season = 0.08 * Math.Cos(2 * Math.PI * (t - 1) / 12);
                    var effect = start is { } s && t >= s ? Math.Log(1 + planted) : 0;
                    months.Add(new PracticeMonth($"P{p:D3}", t, ((t - 1) % 12) + 1, Math.Exp(level + (0.002 * t) + season + effect + (0.03 * Normal(random))), start));
                }
            }
            var fit = PooledIts.Fit(months);
            covered += fit.LevelLower <= planted && planted <= fit.LevelUpper ? 1 : 0;
            significant += fit.LevelP < 0.05 ? 1 : 0;
        }
        covered.Should().BeInRange(180, 200, "a 95% interval covers the planted effect in about 95% of trials (seed 20261204)");
        if (planted == 0)
            significant.Should().BeLessThanOrEqualTo(20, "no effect is called significant about 5% of the time");
        else
            significant.Should().BeGreaterThan(190, "a planted fall of 5% or more is found");
    }

    private static double Normal(Random random) => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
