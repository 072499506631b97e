using System.Text.Json;
using ImpactMeasure.Etl;
using ImpactMeasure.Reports.Models;
using ImpactMeasure.SampleData;
using ImpactMeasure.Testing;

namespace ImpactMeasure.Reports.Tests;

/// <summary>Effects that differ by start cohort and grow with time since the start, planted by the generator
/// (<c>--effect-growth</c>): the staggered difference in differences covers the planted overall effect, while the
/// naive two-way fixed-effects regression, which uses already-treated practices as controls, misses it by far.</summary>
public class DynamicEffectTests
{
    [Theory, EveryEngine]
    public async Task The_staggered_estimator_recovers_a_growing_effect_that_two_way_fixed_effects_misses(string engine)
    {
        var folder = Directory.CreateTempSubdirectory("impact-dynamic-").FullName;
        try
        {
            new SampleDataGenerator(new SampleDataOptions { OutputDirectory = folder, Seed = 31, CrosstabCellsPerPractice = 12, EffectGrowth = 0.1 }, _ => { }).Generate();
            var truth = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "truth.json"))).RootElement;
            var planted = truth.GetProperty("appointments").GetProperty("planted_att_log").GetDouble();
            await using var test = await TestWarehouse.CreateMigratedAsync(engine);
            await using var warehouse = await test.OpenAsync();
            await new Ingestor(warehouse, new EtlOptions()).IngestAsync([folder]);

            var result = await new DidReport(warehouse).RunAsync(ReportWindow.Ending(new DateOnly(2025, 9, 1), 24, null));

            planted.Should().BeLessThan(-0.08, "the growing, cohort-varying effect is larger than the 5% step on average");
            result.Overall.Lower.Should().BeLessThan(planted, "Callaway and Sant'Anna's interval covers the planted overall effect");
            result.Overall.Upper.Should().BeGreaterThan(planted);
            result.NaiveTwfe.Should().BeGreaterThan(result.Overall.Upper, "two-way fixed effects is pulled towards zero by already-treated controls");
            (result.NaiveTwfe - planted).Should().BeGreaterThan(0.03, "and misses the planted effect by more than three points");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
