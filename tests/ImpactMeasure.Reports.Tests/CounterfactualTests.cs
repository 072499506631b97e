using ImpactMeasure.Reports.Models;
using ImpactMeasure.Testing;

namespace ImpactMeasure.Reports.Tests;

/// <summary>The Microsoft.ML counterfactual: on the sample it recovers the planted 5% fall and finds nothing at placebo
/// starts; on simulated panels with known effects (including none) its estimate lands on the planted value; and it
/// says honestly whether the trees beat a plain regression on held-out months.</summary>
[Collection(SampleWarehouseGroup.Name)]
public class CounterfactualTests(SampleWarehouses sample)
{
    [Theory, EveryEngine]
    public async Task The_sample_planted_five_percent_fall_is_recovered_and_the_placebo_finds_nothing(string engine)
    {
        await using var warehouse = await sample[engine].OpenAsync(ImpactMeasure.Warehouse.WarehouseAccess.ReadOnly);
        var window = ReportWindow.Ending(new DateOnly(2025, 9, 1), 24, null);

        var result = await new CounterfactualReport(warehouse).RunAsync(window);

        var (estimate, lower, upper) = result.Relative;
        lower.Should().BeLessThan(-0.05, $"the planted -5% lies inside the interval (estimate {estimate:P2})");
        upper.Should().BeGreaterThan(-0.05);
        var (_, placeboLower, placeboUpper) = result.PlaceboRelative;
        placeboLower.Should().BeLessThan(0);
        placeboUpper.Should().BeGreaterThan(0, "nothing happened six months before the starts");
        result.Trees.R2.Should().BeGreaterThan(0.5, "the trees explain most of the held-out months");
        CounterfactualReport.Summary(window, result).Should().Contain(result.Trees.Mae < result.Regression.Mae
            ? "The trees predict held-out months better" : "The trees do no better than the regression");
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.10)]
    public void On_simulated_panels_the_estimate_lands_on_the_planted_effect(double planted)
    {
        var estimates = Enumerable.Range(1, 4).Select(seed => CounterfactualReport.Estimate(Panel(seed, Math.Log(1 + planted)), 24).Effect).ToList();

        estimates.Average().Should().BeApproximately(Math.Log(1 + planted), 0.015, $"four panels, planted {planted:P0}");
    }

    // 60 practices over 24 months: a level per practice, seasonality, a gentle trend and noise; 40 start a link worker
    // in months 8 to 20, after which the log rate moves by the planted effect.
    private static List<PracticeMonth> Panel(int seed, double effect)
    {
        var random = new Random(seed);
        var rows = new List<PracticeMonth>();
        for (var p = 0; p < 60; p++)
        {
            var level = Math.Log(100) + (0.2 * (random.NextDouble() - 0.5));
            int? start = p < 40 ? 8 + random.Next(13) : null;
            for (var t = 1; t <= 24; t++)
            {
                var month = ((t + 8) % 12) + 1;
                var log = level + (0.05 * Math.Sin(2 * Math.PI * month / 12)) + (0.001 * t) + (0.03 * (random.NextDouble() - 0.5) * 2)
                    + (start is { } s && t >= s ? effect : 0);
                rows.Add(new PracticeMonth($"P{p:000}", t, month, Math.Exp(log), start));
            }
        }
        return rows;
    }
}
