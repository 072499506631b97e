using ImpactMeasure.Reports.Benchmark;
using ImpactMeasure.Reports.Metrics;
using ImpactMeasure.Reports.Pack;
using ImpactMeasure.Testing;

namespace ImpactMeasure.Reports.Tests;

/// <summary>The pack's social-prescribing, equity and benchmark summaries: GP use for referrals old enough to have
/// their whole after-period, who the month's referrals reached (each breakdown adding up to the month's referrals,
/// counted here straight from the fact table), and the area's PCNs against each other from the pack's own figures.</summary>
[Collection(SampleWarehouseGroup.Name)]
public class PackSummaryTests(SampleWarehouses sample)
{
    private static readonly DateOnly Period = new(2025, 9, 1);

    [Theory, EveryEngine]
    public async Task Gp_use_is_for_a_year_of_referrals_whose_after_period_has_passed(string engine)
    {
        await using var warehouse = await sample[engine].OpenAsync(ImpactMeasure.Warehouse.WarehouseAccess.ReadOnly);
        var data = await new MonthlyPackBuilder(warehouse, new MethodParameters()).BuildAsync(Period, null);

        var row = data.GpUse!.Rows.Single();
        row.Window.Should().Be("2024-04..2025-03", "12 months of referrals ending 6 months (the GP-use window) before the pack's month");
        row.PeopleReferred.Should().BeGreaterThan(100);
        row.DifferenceInDifferences.Should().BeNegative("the sample's referred patients use the GP less afterwards");
        data.Metrics.SpGpUse.Rows.Single().PeopleReferred.Should().Be(0, "the month's own referrals have no six months after yet: the reason for the older window");
    }

    [Theory, EveryEngine]
    public async Task Each_equity_breakdown_adds_up_to_the_months_referrals_counted_from_the_facts(string engine)
    {
        await using var warehouse = await sample[engine].OpenAsync(ImpactMeasure.Warehouse.WarehouseAccess.ReadOnly);
        var data = await new MonthlyPackBuilder(warehouse, new MethodParameters()).BuildAsync(Period, null, suppress: false);
        await using var connection = await warehouse.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "select count(*) from fact_signpost f join dim_date d on d.date_key = f.date_key where d.calendar_date between '2025-09-01' and '2025-09-30'";
        var facts = Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);

        var equity = data.Equity!.Rows;
        equity.Select(r => r.Family).Distinct().Should().BeEquivalentTo(["imd", "age", "sex"]);
        foreach (var family in equity.GroupBy(r => r.Family))
            family.Sum(r => r.Referrals).Should().Be(facts, $"the {family.Key} groups partition the month's referrals");
        equity.Should().OnlyContain(r => r.AllReferrals == facts);
    }

    [Theory, EveryEngine]
    public async Task The_benchmark_compares_the_areas_pcns_on_the_packs_own_figures(string engine)
    {
        await using var warehouse = await sample[engine].OpenAsync(ImpactMeasure.Warehouse.WarehouseAccess.ReadOnly);
        var data = await new MonthlyPackBuilder(warehouse, new MethodParameters()).BuildAsync(Period, null);
        var freed = data.Metrics.FreedGpTime;
        var pcns = freed.Rows.Where(r => r.Breakdown == "pcn").ToList();

        var diverted = data.Benchmark!.Rows.Where(r => r.Indicator.Key == "diverted_share").ToList();
        diverted.Select(r => r.PcnCode).Should().BeEquivalentTo(pcns.Select(r => r.Code));
        var published = pcns.Where(r => freed.Show(r, FreedGpTimeColumns.Diverted) is long && freed.Show(r, FreedGpTimeColumns.Signposted) is long).ToList();
        published.Should().NotBeEmpty();
        var peer = published.Sum(r => (double)(long)freed.Show(r, FreedGpTimeColumns.Diverted)!) / published.Sum(r => (double)(long)freed.Show(r, FreedGpTimeColumns.Signposted)!);
        foreach (var row in diverted)
        {
            var pcn = pcns.Single(r => r.Code == row.PcnCode);
            if (freed.Show(pcn, FreedGpTimeColumns.Diverted) is long d && freed.Show(pcn, FreedGpTimeColumns.Signposted) is long s)
                row.Value.Should().BeApproximately((double)d / s, 1e-12, $"{row.PcnCode}'s share is its published diverted over signposted");
            else
                row.Comparison.Should().Be(SuppressedCell.Symbol, "a hidden count hides the indicator");
            row.PeerValue.Should().BeApproximately(peer, 1e-12, "the peers' value pools the published PCNs");
        }
        data.Benchmark.Rows.Should().Contain(r => r.Comparison == "Similar");
    }

    [Theory, EveryEngine]
    public async Task A_pcn_pack_has_no_benchmark_of_one(string engine)
    {
        await using var warehouse = await sample[engine].OpenAsync(ImpactMeasure.Warehouse.WarehouseAccess.ReadOnly);
        var data = await new MonthlyPackBuilder(warehouse, new MethodParameters()).BuildAsync(Period, "U10004");

        data.Benchmark.Should().BeNull("a PCN pack compares the PCN with its ICB instead");
        data.Comparator.Should().NotBeNull();
        data.Equity!.Rows.Should().NotBeEmpty();
    }
}
