using ImpactMeasure.Reports.Metrics;
using ImpactMeasure.Testing;

namespace ImpactMeasure.Reports.Tests;

/// <summary>The benchmark's shortened metrics (<see cref="MetricsScope.Benchmark"/>) hold every count the full
/// release holds but GP use's two totals, and disclosure control hides exactly the same cells: leaving out intervals
/// and GP use changes no protection.</summary>
[Collection(SampleWarehouseGroup.Name)]
public class MetricsScopeTests(SampleWarehouses sample)
{
    [Theory, EveryEngine]
    public async Task The_benchmarks_metrics_hide_exactly_the_cells_the_full_release_hides(string engine)
    {
        await using var warehouse = await sample[engine].OpenAsync(ImpactMeasure.Warehouse.WarehouseAccess.ReadOnly);
        var window = ReportWindow.Ending(new DateOnly(2025, 9, 1), 12, null);
        var report = new MetricsReport(warehouse, new MethodParameters());

        var full = await report.ComputeAsync(window);
        var benchmark = await report.ComputeAsync(window, MetricsScope.Benchmark);
        full.Protect([]);
        benchmark.Protect([]);

        var (all, some) = (full.Release([]), benchmark.Release([]));
        var gpUse = new[] { ImpactMeasure.Reports.Disclosure.MeasureNames.GpUseReferred, ImpactMeasure.Reports.Disclosure.MeasureNames.GpUseComparison };
        some.Keys.Should().BeEquivalentTo(all.Keys.Where(k => !gpUse.Contains(k.Measure)), "every count but GP use's is computed");
        var values = all.Keys.Select((k, i) => (k, i)).ToDictionary(p => p.k, p => all.Values[p.i]);
        for (var i = 0; i < some.Keys.Count; i++)
        {
            var key = some.Keys[i];
            some.Values[i].Should().Be(values[key], $"{key} is the same count");
            benchmark.Disclosure.IsHidden(key).Should().Be(full.Disclosure.IsHidden(key), $"{key} is protected the same way");
        }
        benchmark.Disclosure.Primary.Should().BeGreaterThan(0, "the sample's 12 months hide some small counts");
        benchmark.FreedGpTime.Rows.Where(r => r.Breakdown == "practice").Should().OnlyContain(r => r.FreedLower95 == null && r.IntervalMethod == FreedGpTime.NoInterval);
        benchmark.FreedGpTime.Rows.Where(r => r.Breakdown == "pcn" && r.FreedCentral > 0).Should().OnlyContain(r => r.FreedLower95 != null, "PCNs keep their intervals");
        benchmark.Invoking(b => b.WriteCsv(Path.GetTempPath())).Should().Throw<InvalidOperationException>("shortened metrics are never written as metric files");
    }
}
