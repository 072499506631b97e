using ImpactMeasure.Reports.Metrics;
using ImpactMeasure.Reports.Pack;
using ImpactMeasure.Testing;

namespace ImpactMeasure.Reports.Tests.Disclosure;

/// <summary>METHODS §7 judged by an attacker: on the demo's releases (the 12-month metric files, the September
/// 2025 pack) no [c] can be narrowed to fewer than the threshold's number of values using every published figure.</summary>
[Collection(SampleWarehouseGroup.Name)]
public class ReleaseAttackTests(SampleWarehouses sample)
{
    private const int Threshold = 7;

    [Theory, EveryEngine]
    public async Task No_hidden_count_of_the_demo_metric_files_can_be_worked_out(string engine)
    {
        var shared = await sample.MetricsAsync(engine, "2025-09", 12, suppress: true);
        var unsuppressed = await sample.MetricsAsync(engine, "2025-09", 12, suppress: false);

        var outcome = ReleaseAttack.Run(shared.Tables, unsuppressed.Tables, shared.Window, shared.Parameters, shared.Members, Threshold);

        outcome.Inconsistent.Should().BeEmpty();
        outcome.Hidden.Should().BeGreaterThan(200, "the 12-month files hide many practice-level counts");
        outcome.Narrowed.Should().BeEmpty();
        shared.Disclosure.Unprotected.Should().BeEmpty();
    }

    [Theory, EveryEngine]
    public async Task No_hidden_count_of_the_demo_pack_can_be_worked_out(string engine)
    {
        var period = new DateOnly(2025, 9, 1);
        await using var warehouse = await sample[engine].OpenAsync(ImpactMeasure.Warehouse.WarehouseAccess.ReadOnly);
        var shared = await new MonthlyPackBuilder(warehouse, new MethodParameters()).BuildAsync(period, null);
        var unsuppressed = await new MonthlyPackBuilder(warehouse, new MethodParameters()).BuildAsync(period, null, suppress: false);

        var outcome = ReleaseAttack.Run(PackRelease(shared), PackRelease(unsuppressed), shared.Metrics.Window, shared.Metrics.Parameters, shared.Metrics.Members, Threshold);

        outcome.Inconsistent.Should().BeEmpty();
        outcome.Hidden.Should().BeGreaterThan(50);
        outcome.Narrowed.Should().BeEmpty();
    }

    [Theory, EveryEngine]
    public async Task A_pcn_pack_is_protected_as_its_own_release(string engine)
    {
        var period = new DateOnly(2025, 9, 1);
        await using var warehouse = await sample[engine].OpenAsync(ImpactMeasure.Warehouse.WarehouseAccess.ReadOnly);
        var shared = await new MonthlyPackBuilder(warehouse, new MethodParameters()).BuildAsync(period, "U10001");
        var unsuppressed = await new MonthlyPackBuilder(warehouse, new MethodParameters()).BuildAsync(period, "U10001", suppress: false);

        var outcome = ReleaseAttack.Run(PackRelease(shared), PackRelease(unsuppressed), shared.Metrics.Window, shared.Metrics.Parameters, shared.Metrics.Members, Threshold);

        outcome.Inconsistent.Should().BeEmpty();
        outcome.Hidden.Should().BeGreaterThan(0, "one PCN's month has small counts");
        outcome.Narrowed.Should().BeEmpty();
    }

    [Theory, EveryEngine]
    public async Task No_hidden_count_of_the_benchmark_and_equity_files_can_be_worked_out(string engine)
    {
        var window = ReportWindow.Ending(new DateOnly(2025, 9, 1), 12, null);
        await using var warehouse = await sample[engine].OpenAsync(ImpactMeasure.Warehouse.WarehouseAccess.ReadOnly);
        var shared = await new Benchmark.BenchmarkReport(warehouse, new MethodParameters()).RunAsync(window, "england");
        var unsuppressed = await new Benchmark.BenchmarkReport(warehouse, new MethodParameters()).RunAsync(window, "england", suppress: false);

        var outcome = ReleaseAttack.Run(BenchmarkRelease(shared), BenchmarkRelease(unsuppressed), window, shared.Metrics.Parameters, shared.Metrics.Members, Threshold);

        outcome.Inconsistent.Should().BeEmpty();
        outcome.Hidden.Should().BeGreaterThan(200);
        outcome.Narrowed.Should().BeEmpty();
        shared.Equity.HasSuppression.Should().BeTrue("the sample's 'sex not known' group is small, so it and a complement are hidden");
        var wellbeing = shared.Metrics.EquityWellbeing;
        wellbeing.Disclosure.Should().BeSameAs(shared.Metrics.Disclosure, "wellbeing by group is protected with the release");
        wellbeing.Rows.Should().OnlyContain(g => wellbeing.Show(g, Equity.EquityWellbeingRow.BothColumn) is SuppressedCell || g.WithBoth == 0
            || g.WithBoth > shared.Metrics.Disclosure.Threshold, "a count from 1 to the threshold is never shown");
    }

    private static IReadOnlyList<IMetricTable> BenchmarkRelease(Benchmark.BenchmarkRelease release) =>
        [.. release.Metrics.Tables, release.Equity, release.Inequality, release.Metrics.PcnCaseload, release.Metrics.PcnWellbeing, release.Metrics.EquityWellbeing,
            release.Table, release.Practices];

    private static IReadOnlyList<IMetricTable> PackRelease(MonthlyPackData data) => data.Tables;
}
