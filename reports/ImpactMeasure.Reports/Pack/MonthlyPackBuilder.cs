namespace ImpactMeasure.Reports.Pack;

/// <summary>Gathers the pack's data: the month's metric tables (disclosure control on), two years of headline
/// measures for trends and SPC, and the data-quality view of the loads.</summary>
public sealed class MonthlyPackBuilder
{
    public const int TrendMonths = 24;
    private readonly ImpactMeasure.Warehouse.Warehouse _warehouse;
    private readonly MethodParameters _parameters;
    private readonly TimeProvider _time;

    public MonthlyPackBuilder(ImpactMeasure.Warehouse.Warehouse warehouse, MethodParameters parameters, TimeProvider? time = null)
    {
        _warehouse = warehouse;
        _parameters = parameters;
        _time = time ?? TimeProvider.System;
    }

    public async Task<MonthlyPackData> BuildAsync(DateOnly period, string? area)
    {
        var window = ReportWindow.Ending(period, 1, area);
        var metrics = await new MetricsReport(_warehouse, _parameters).RunAsync(window, suppress: true);
        var trend = ReportWindow.Ending(period, TrendMonths, area);
        await using var connection = await _warehouse.OpenConnectionAsync();
        var outcomes = await ReportQueries.RunAsync(connection, ReportQueries.ServiceMonthOutcomes, trend);
        var navigation = await ReportQueries.RunAsync(connection, ReportQueries.MonthlyNavigation, trend, _parameters.RepresentationWindowDays);
        var months = Enumerable.Range(0, TrendMonths).Select(i => trend.FirstMonth.AddMonths(i)).ToList();
        var kpis = KpiSeries.Build(outcomes, navigation, months, metrics.RepresentationObserved, _parameters);
        var batches = await ReportQueries.RunAsync(connection, ReportQueries.DataQualityBatches, window);
        var reasons = await ReportQueries.RunAsync(connection, ReportQueries.DataQualityReasons, window);
        var coverage = (await ReportQueries.RunAsync(connection, ReportQueries.PracticeCoverage, window))[0];
        var finished = batches.Select(b => b.Timestamp("last_finished_at")).OfType<DateTime>().ToList();
        DateTimeOffset? asOf = finished.Count == 0 ? null : new DateTimeOffset(DateTime.SpecifyKind(finished.Max(), DateTimeKind.Utc));
        return new MonthlyPackData(new DateOnly(period.Year, period.Month, 1), area ?? "All areas in the warehouse", metrics, kpis, batches, reasons, coverage,
            _time.GetUtcNow(), asOf);
    }
}
