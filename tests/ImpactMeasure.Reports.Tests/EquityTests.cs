using ImpactMeasure.Reports.Benchmark;
using ImpactMeasure.Reports.Metrics;
using ImpactMeasure.Testing;

namespace ImpactMeasure.Reports.Tests;

/// <summary>Who the service reaches: each family of patient groups adds up to the release's totals, care navigation's
/// diversion and wellbeing on each instrument included, and every rate has its slope index of inequality.</summary>
[Collection(SampleWarehouseGroup.Name)]
public class EquityTests(SampleWarehouses sample)
{
    [Theory, EveryEngine]
    public async Task Each_family_of_groups_adds_up_to_the_totals_wellbeing_included_and_diversion_has_its_slope_index(string engine)
    {
        await using var warehouse = await sample[engine].OpenAsync(ImpactMeasure.Warehouse.WarehouseAccess.ReadOnly);
        var window = ReportWindow.Ending(new DateOnly(2025, 9, 1), 12, null);

        var release = await new BenchmarkReport(warehouse, new MethodParameters()).RunAsync(window, "england", suppress: false);

        var all = release.Metrics.FreedGpTime.Rows.Single(r => r.Breakdown == "all");
        var outcomes = release.Metrics.ReferralOutcomes.Rows.Single(r => r.Breakdown == "all");
        foreach (var family in release.Equity.Rows.GroupBy(r => r.Family))
        {
            family.Sum(r => r.Signposted).Should().Be(all.Counts.Signposted, $"{family.Key}'s groups hold every signposting event METHODS §1 counts");
            family.Sum(r => r.Diverted).Should().Be(all.Counts.Diverted, $"{family.Key}'s groups hold every diverted event");
            family.Sum(r => r.Referrals).Should().Be(outcomes.Counts.Referrals);
        }
        release.Equity.Rows.Should().OnlyContain(r => r.Diverted <= r.Signposted);
        release.Equity.Rows.Where(r => r.Signposted > 0).Should().OnlyContain(r => r.Diversion.Lower <= r.Diversion.Value && r.Diversion.Value <= r.Diversion.Upper);
        var diversion = release.Inequality.Rows.Single(r => r.Measure == "diversion_rate");
        diversion.Index.Should().NotBeNull("every quintile has signposting events");
        diversion.Index!.Sii.Should().BeInRange(-0.1, 0.1, "the generator plants no deprivation gradient in diversion");

        // Wellbeing by group: each family's groups on an instrument add up to its pairs and improvements.
        var groups = release.Metrics.EquityWellbeing.Rows;
        groups.Should().NotBeEmpty();
        foreach (var instrument in release.Metrics.Wellbeing.Rows)
        {
            foreach (var family in new[] { "imd", "age", "sex" })
            {
                var parts = groups.Where(g => g.Family == family && g.Instrument == instrument.Instrument).ToList();
                parts.Sum(g => g.WithBoth).Should().Be(instrument.WithBoth, $"{family}'s groups hold every {instrument.Instrument} pair");
                parts.Sum(g => g.Improved).Should().Be(instrument.Improved, $"{family}'s groups hold every {instrument.Instrument} improvement");
            }
        }
        groups.Should().OnlyContain(g => g.Improved <= g.WithBoth);
        groups.Where(g => g.Family == "imd").Select(g => g.Group).Distinct().Should().Contain(["1", "5"], "the sample's referrals reach every quintile");
    }
}
