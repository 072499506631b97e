using System.Text.Json;
using ImpactMeasure.Testing;

namespace ImpactMeasure.Reports.Tests;

/// <summary>The reports recover every planted value of the committed sample set (sample-data/sample/truth.json).</summary>
[Collection(SampleWarehouseGroup.Name)]
public class PlantedValueRecoveryTests(SampleWarehouses sample)
{
    private static readonly JsonElement Truth = SampleWarehouses.Truth;

    [Theory, EveryEngine]
    public async Task The_planted_representation_rate_is_inside_the_observed_interval(string engine)
    {
        var result = await sample.MetricsAsync(engine, "2025-09", 24, suppress: false);
        var row = result.Representation.Rows.Single(r => r.Source == "observed");

        result.RepresentationObserved.Should().BeTrue();
        row.IntervalMethod.Should().Be("cluster bootstrap over practices");
        var planted = Truth.GetProperty("representation").GetProperty("planted_rate").GetDouble();
        row.Lower!.Value.Should().BeLessThan(planted);
        row.Upper!.Value.Should().BeGreaterThan(planted);
    }

    [Theory, EveryEngine]
    public async Task The_pcn_planted_with_a_high_inappropriate_referral_rate_is_worse_than_its_peers_and_no_other_is(string engine)
    {
        await using var warehouse = await sample[engine].OpenAsync(ImpactMeasure.Warehouse.WarehouseAccess.ReadOnly);
        var planted = Truth.GetProperty("high_inappropriate_referral_pcn");
        var pcn = planted.GetProperty("pcn_code").GetString();

        var release = await new Benchmark.BenchmarkReport(warehouse, new MethodParameters()).RunAsync(ReportWindow.Ending(new DateOnly(2025, 9, 1), 24, null), "icb");

        var rows = release.Table.Rows.Where(r => r.Indicator.Key == "inappropriate_referral_rate").ToList();
        rows.Single(r => r.PcnCode == pcn).Comparison.Should().Be("Worse", $"{pcn}'s rate was planted at {planted.GetProperty("planted_rate").GetDouble():P0} against about 10%");
        rows.Where(r => r.PcnCode != pcn).Should().OnlyContain(r => r.Comparison != "Worse" && r.Comparison != "Better", "no other PCN was planted: at 99.8% none should stand out");
    }

    [Theory, EveryEngine]
    public async Task Each_planted_inappropriate_referral_rate_is_inside_its_interval(string engine)
    {
        var table = (await sample.MetricsAsync(engine, "2025-09", 24, suppress: false)).SpReferralSources;

        foreach (var role in Truth.GetProperty("inappropriate_referral_rate_by_referrer_role").EnumerateObject())
        {
            var row = table.Rows.Single(r => r.ReferrerRole == role.Name);
            var planted = role.Value.GetProperty("planted").GetDouble();
            row.Inappropriate.Lower!.Value.Should().BeLessThan(planted, role.Name);
            row.Inappropriate.Upper!.Value.Should().BeGreaterThan(planted, role.Name);
            row.Counts.RejectedInappropriate.Should().Be(role.Value.GetProperty("numerator").GetInt64(), role.Name);
        }
    }

    [Theory, EveryEngine]
    public async Task A_one_month_report_takes_wellbeing_from_follow_ups_due_in_the_rolling_year(string engine)
    {
        var month = await sample.MetricsAsync(engine, "2025-09", 1, suppress: false);
        var year = await sample.MetricsAsync(engine, "2025-09", 12, suppress: false);

        month.Wellbeing.Rows.Should().NotBeEmpty().And.OnlyContain(r => r.Window == "2024-10..2025-09" && r.WithBoth > 400,
            "baselines taken in the report month have no follow-up due yet: the cohort is the year's due follow-ups");
        month.Wellbeing.Rows.Select(r => (r.Instrument, r.WithBaseline, r.WithBoth)).Should().Equal(year.Wellbeing.Rows.Select(r => (r.Instrument, r.WithBaseline, r.WithBoth)));
        month.Wellbeing.Rows.Should().OnlyContain(r => r.WithBaseline > r.WithBoth, "some people are lost to follow-up, and counted");
    }

    [Theory, EveryEngine]
    public async Task Each_planted_wellbeing_change_is_inside_its_interval(string engine)
    {
        // A cohort of every follow-up due from before the data to after it, so it holds every planted pair.
        var table = (await sample.MetricsAsync(engine, "2025-12", 24, suppress: false, new MethodParameters { WellbeingWindowMonths = 36 })).Wellbeing;

        foreach (var instrument in Truth.GetProperty("wellbeing").GetProperty("by_instrument").EnumerateObject())
        {
            var row = table.Rows.Single(r => r.Instrument == instrument.Name);
            var planted = instrument.Value.GetProperty("planted_mean_change").GetDouble();
            row.ChangeLower!.Value.Should().BeLessThan(planted, instrument.Name);
            row.ChangeUpper!.Value.Should().BeGreaterThan(planted, instrument.Name);
            row.WithBoth.Should().Be(instrument.Value.GetProperty("pairs").GetInt32(), instrument.Name);
            row.MeanChange!.Value.Should().BeApproximately(instrument.Value.GetProperty("realised_mean_change").GetDouble(), 1e-6);
        }
    }

    [Theory, EveryEngine]
    public async Task The_overloaded_service_is_flagged_in_its_planted_month_and_not_before(string engine)
    {
        var overload = Truth.GetProperty("overloaded_service");
        var service = overload.GetProperty("service_code").GetString()!;
        var month = overload.GetProperty("from_month").GetString()!;
        var before = DateOnly.ParseExact(month + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture).AddMonths(-1).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

        var atPlantedMonth = (await sample.MetricsAsync(engine, month, 1, suppress: false)).ServiceOverload;
        var upToTheMonthBefore = (await sample.MetricsAsync(engine, before, 24, suppress: false)).ServiceOverload;

        atPlantedMonth.Rows.SingleOrDefault(r => r.ServiceCode == service && r.Month == month)?.PossiblyOverloaded.Should().Be("rising");
        upToTheMonthBefore.Rows.Where(r => r.ServiceCode == service).Should().NotBeEmpty()
            .And.OnlyContain(r => r.PossiblyOverloaded == "no", "the service is not overloaded before its planted month");
    }

    [Theory, EveryEngine]
    public async Task The_planted_fall_in_gp_use_after_social_prescribing_is_inside_the_interval(string engine)
    {
        var row = (await sample.MetricsAsync(engine, "2025-09", 24, suppress: false)).SpGpUse.Rows.Single();
        var planted = Truth.GetProperty("social_prescribing_gp_use").GetProperty("planted_did_per_person").GetDouble();

        row.PeopleReferred.Should().BeGreaterThan(500);
        row.Lower!.Value.Should().BeLessThan(planted);
        row.Upper!.Value.Should().BeGreaterThan(planted);
    }

    [Theory, EveryEngine]
    public async Task The_matched_before_after_finds_the_planted_fall_with_balanced_comparison_patients(string engine)
    {
        await using var warehouse = await sample[engine].OpenAsync(ImpactMeasure.Warehouse.WarehouseAccess.ReadOnly);
        var planted = Truth.GetProperty("social_prescribing_gp_use").GetProperty("planted_did_attended_per_person").GetDouble();

        var result = await new Models.MatchedReport(warehouse).RunAsync(ReportWindow.Ending(new DateOnly(2025, 3, 1), 12, null));

        result.Sets.Count.Should().BeGreaterThan(1000).And.BeGreaterThan(result.Referred * 95 / 100, "nearly everyone referred is matched");
        result.Upper!.Value.Should().BeLessThan(0, "the fall is found");
        result.Effect.Should().BeApproximately(planted, 0.15, "the sample's estimate is near the planted change (the seed simulation and fresh seeds check the interval's coverage)");
        result.Sets.Average(s => s.Before).Should().BeApproximately(result.Sets.Average(s => s.ControlBefore), 0.1, "matched on baseline GP use, the groups start level");
    }

    [Fact]
    public async Task Both_engines_give_the_same_metric_files()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"impact-parity-{Guid.NewGuid():N}");
        try
        {
            (await sample.MetricsAsync(EngineNames.DuckDb, "2025-09", 12, suppress: true)).WriteCsv(Path.Combine(folder, "duck"));
            (await sample.MetricsAsync(EngineNames.Postgres, "2025-09", 12, suppress: true)).WriteCsv(Path.Combine(folder, "pg"));

            foreach (var file in Directory.GetFiles(Path.Combine(folder, "duck")))
                File.ReadAllText(Path.Combine(folder, "pg", Path.GetFileName(file))).Should().Be(File.ReadAllText(file), Path.GetFileName(file));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
