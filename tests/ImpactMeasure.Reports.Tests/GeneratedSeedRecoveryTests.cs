using System.Text.Json;
using ImpactMeasure.Etl;
using ImpactMeasure.Reports.Metrics;
using ImpactMeasure.SampleData;
using ImpactMeasure.Testing;

namespace ImpactMeasure.Reports.Tests;

/// <summary>End to end on a freshly generated set (not the committed sample): the generator's planted values fall in
/// the reports' intervals and only the planted service is flagged, from its planted month, on every engine, at the
/// default effect sizes and at a second set (a higher re-presentation rate, a milder overload, a smaller GP-use fall).</summary>
public class GeneratedSeedRecoveryTests
{
    [Theory, EveryEngine]
    public async Task Fresh_seeds_recover_their_planted_values(string engine)
    {
        await RecoverAsync(engine, folder => new SampleDataOptions { OutputDirectory = folder, Seed = 13 });
        await RecoverAsync(engine, folder => new SampleDataOptions
        {
            OutputDirectory = folder, Seed = 29, RepresentationRate = 0.30, OverloadCapacityRate = 0.25, GpRateAfterReferral = 0.38,
        });
    }

    private static async Task RecoverAsync(string engine, Func<string, SampleDataOptions> options)
    {
        var folder = Directory.CreateTempSubdirectory("impact-seed-").FullName;
        try
        {
            new SampleDataGenerator(options(folder), _ => { }).Generate();
            var truth = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "truth.json"))).RootElement;
            await using var test = await TestWarehouse.CreateMigratedAsync(engine);
            await using var warehouse = await test.OpenAsync();
            (await new Ingestor(warehouse, new EtlOptions()).IngestAsync([folder])).Should().OnlyContain(r => r.Status == LoadStatus.Loaded || r.Status == LoadStatus.NoRows || r.Status == LoadStatus.AlreadyLoaded);
            var last = DateOnly.ParseExact(truth.GetProperty("generator").GetProperty("last_month").GetString() + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

            var result = await new MetricsReport(warehouse, new MethodParameters()).RunAsync(ReportWindow.Ending(last, 24, null), suppress: false);

            var representation = result.Representation.Rows.Single(r => r.Source == "observed");
            var plantedRate = truth.GetProperty("representation").GetProperty("planted_rate").GetDouble();
            representation.Lower!.Value.Should().BeLessThan(plantedRate);
            representation.Upper!.Value.Should().BeGreaterThan(plantedRate);
            var gpUse = result.SpGpUse.Rows.Single();
            var plantedDid = truth.GetProperty("social_prescribing_gp_use").GetProperty("planted_did_per_person").GetDouble();
            gpUse.Lower!.Value.Should().BeLessThan(plantedDid);
            gpUse.Upper!.Value.Should().BeGreaterThan(plantedDid);
            // The matched before/after, on the registered population, recovers the planted change in attended appointments.
            var attended = truth.GetProperty("social_prescribing_gp_use").GetProperty("planted_did_attended_per_person").GetDouble();
            var matched = await new Models.MatchedReport(warehouse).RunAsync(ReportWindow.Ending(last.AddMonths(-Models.MatchedBeforeAfter.WindowMonths), 12, null));
            matched.Lower!.Value.Should().BeLessThan(attended, "the matched interval covers the planted change");
            matched.Upper!.Value.Should().BeGreaterThan(attended, "the matched interval covers the planted change");
            var overload = truth.GetProperty("overloaded_service");
            var service = overload.GetProperty("service_code").GetString()!;
            var from = overload.GetProperty("from_month").GetString()!;
            var flagged = result.ServiceOverload.Rows.Where(r => ServiceOverload.IsFlagged(r.PossiblyOverloaded)).ToList();
            flagged.Should().Contain(r => r.ServiceCode == service && r.Month == from, "the planted service is flagged from its planted month");
            flagged.Where(r => r.ServiceCode == service).Should().OnlyContain(r => string.CompareOrdinal(r.Month, from) >= 0, "and not before");
            flagged.Where(r => r.ServiceCode != service).Should().HaveCountLessThanOrEqualTo(2, "false alarms stay rare");
            var pcn = truth.GetProperty("high_inappropriate_referral_pcn").GetProperty("pcn_code").GetString();
            var benchmark = await new Benchmark.BenchmarkReport(warehouse, new MethodParameters()).RunAsync(ReportWindow.Ending(last, 24, null), "icb");
            var inappropriate = benchmark.Table.Rows.Where(r => r.Indicator.Key == "inappropriate_referral_rate").ToList();
            inappropriate.Single(r => r.PcnCode == pcn).Comparison.Should().Be("Worse", "the planted PCN stands out from its peers");
            inappropriate.Count(r => r.PcnCode != pcn && r.Comparison is "Worse" or "Better").Should().BeLessThanOrEqualTo(1, "at 99.8% an unplanted PCN stands out rarely");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
