using ImpactMeasure.Reports.Benchmark;
using ImpactMeasure.Reports.Disclosure;
using ImpactMeasure.Reports.Equity;
using ImpactMeasure.Reports.Metrics;

namespace ImpactMeasure.Reports.Pack;

/// <summary>Gathers the pack's data: the month's metric tables (disclosure control on), two years of headline
/// measures for trends and SPC, and the data-quality view of the loads.</summary>
public sealed class MonthlyPackBuilder
{
    public const int TrendMonths = 24;
    private readonly ImpactMeasure.Warehouse.Warehouse _warehouse;
    private readonly MethodParameters _parameters;
    private readonly TimeProvider _time;
    private readonly PackSettings _pack;

    public MonthlyPackBuilder(ImpactMeasure.Warehouse.Warehouse warehouse, MethodParameters parameters, TimeProvider? time = null, PackSettings? pack = null)
    {
        _warehouse = warehouse;
        _parameters = parameters;
        _time = time ?? TimeProvider.System;
        _pack = pack ?? new PackSettings();
    }

    /// <summary>The pack's data as one release; <paramref name="suppress"/> false only for internal packs marked NOT FOR SHARING.</summary>
    /// <summary>The pack's data; <paramref name="incomplete"/> says why the month is incomplete when the pack was asked
    /// for anyway, and marks every figure provisional.</summary>
    public async Task<MonthlyPackData> BuildAsync(DateOnly period, string? area, bool suppress = true, string? incomplete = null)
    {
        var window = ReportWindow.Ending(period, 1, area) with { Incomplete = incomplete };
        var report = new MetricsReport(_warehouse, _parameters);
        var metrics = await report.ComputeAsync(window);
        // GP use after a referral needs its whole after-period: the pack takes a year of referrals old enough for it.
        var gpUse = await report.GpUseAsync(ReportWindow.Ending(period.AddMonths(-_parameters.WindowMonths), GpUseReferralMonths, area), GpUseTable);
        await using var connection = await _warehouse.OpenConnectionAsync();
        var kpis = await KpisAsync(connection, ReportWindow.Ending(period, TrendMonths, area));
        var headline = Headline(kpis, window.LastMonth);
        var spc = kpis.Select(k => new SpcSeries(k, Spc(k))).ToList();
        var names = await ReportQueries.RunAsync(connection, ReportQueries.AreaNames, window);
        var areaName = PackArea.Resolve(names, area);
        // A PCN is compared with its ICB: the ICB's counts join the release under their own address, so a PCN
        // figure hidden as small cannot be worked out from the ICB's.
        var icb = areaName.Level == "PCN" ? names.FirstOrDefault(r => r.Text("code") == areaName.Code)?.Text("icb_code") : null;
        MetricTable<ComparatorRow>? comparator = null;
        if (!string.IsNullOrEmpty(icb))
        {
            var icbKpis = await KpisAsync(connection, ReportWindow.Ending(period, 1, icb));
            comparator = new("comparator", "This month in the PCN and its ICB", ComparatorRow.Columns,
                kpis.Zip(icbKpis, (k, c) => new ComparatorRow(k, k.In(window.LastMonth), c.At(CellKey.IcbPrefix + icb).In(window.LastMonth))).ToList());
        }
        // Equity's groups add up to the month's totals, so they join the release and are protected with them.
        var (equity, _) = EquityTables.Build(await ReportQueries.RunAsync(connection, ReportQueries.Equity, window), window, _parameters);
        if (suppress)
            metrics.Protect([headline, .. spc.Select(s => s.Table), .. comparator is null ? Array.Empty<IMetricTable>() : [comparator], gpUse, equity]);
        var benchmark = areaName.Level is "PCN" or "practice" ? null : await BenchmarkAsync(connection, metrics, window, names, area is null ? "england" : "icb");
        // This month's pack comes out next month; the next one the month after, on the same working day.
        var nextMonth = new DateOnly(period.Year, period.Month, 1).AddMonths(2);
        var nextUpdate = (await ReportQueries.RunAsync(connection, ReportQueries.WorkingDaysAfter, window))
            .Where(r => r.Date("month_start_date") == nextMonth && r.Count("working_day") == _pack.PublicationWorkingDay).Select(r => (DateOnly?)r.Date("calendar_date")).FirstOrDefault();
        var batches = await ReportQueries.RunAsync(connection, ReportQueries.DataQualityBatches, window);
        var reasons = await ReportQueries.RunAsync(connection, ReportQueries.DataQualityReasons, window);
        var coverage = (await ReportQueries.RunAsync(connection, ReportQueries.PracticeCoverage, window))[0];
        var finished = batches.Select(b => b.Timestamp("last_finished_at")).OfType<DateTime>().ToList();
        DateTimeOffset? asOf = finished.Count == 0 ? null : new DateTimeOffset(DateTime.SpecifyKind(finished.Max(), DateTimeKind.Utc));
        return new MonthlyPackData(new DateOnly(period.Year, period.Month, 1), areaName.Title, metrics, kpis, headline, spc, batches, reasons, coverage,
            _time.GetUtcNow(), asOf)
        {
            Incomplete = incomplete,
            Pack = _pack,
            NextUpdate = nextUpdate,
            Comparator = comparator,
            GpUse = gpUse,
            Equity = equity,
            Benchmark = benchmark,
            ComparatorName = string.IsNullOrEmpty(icb) ? null : PackArea.Resolve(names, icb).Title,
            PracticePcns = names.Where(r => r.Text("level") == "practice" && r.Text("pcn_code").Length > 0)
                .ToDictionary(r => r.Text("code"), r => $"{r.Text("pcn_name")} ({r.Text("pcn_code")})", StringComparer.Ordinal),
        };
    }

    /// <summary>How many months of referrals the pack's GP-use table covers.</summary>
    public const int GpUseReferralMonths = 12;

    /// <summary>The name of the pack's GP-use table (the metric files' <c>sp_gp_use</c> is for the month's referrals).</summary>
    public const string GpUseTable = "sp_gp_use_earlier_referrals";

    /// <summary>The area's PCNs against each other this month (a pack of several PCNs): every figure from the release's
    /// published counts, so it reveals nothing the release does not.</summary>
    private async Task<MetricTable<BenchmarkRow>> BenchmarkAsync(System.Data.Common.DbConnection connection, MetricsResult metrics, ReportWindow window,
        IReadOnlyList<ReportQueries.Row> names, string peers)
    {
        var denominators = await ReportQueries.RunAsync(connection, ReportQueries.PcnDenominators, window);
        var icbOf = names.Where(r => r.Text("level") == "PCN").ToDictionary(r => r.Text("code"), r => r.Text("icb_code"), StringComparer.Ordinal);
        var rows = PcnBenchmark.Compare(PcnBenchmark.Counts(metrics, denominators, icbOf), peers, _parameters.Confidence, indicators: Indicator.Monthly);
        return new MetricTable<BenchmarkRow>(BenchmarkReport.TableName, "PCN benchmarking against peers", BenchmarkRow.Columns, rows)
        {
            Disclosure = metrics.Disclosure,
        };
    }

    /// <summary>The headline measures month by month over the window, for its area.</summary>
    private async Task<IReadOnlyList<Kpi>> KpisAsync(System.Data.Common.DbConnection connection, ReportWindow window)
    {
        var outcomes = await ReportQueries.RunAsync(connection, ReportQueries.ServiceMonthOutcomes, window);
        var navigation = NavigationKind.ReadMonths(await ReportQueries.RunAsync(connection, ReportQueries.NavigationMonths, window, _parameters.RepresentationWindowDays));
        var months = Enumerable.Range(0, window.Months).Select(i => window.FirstMonth.AddMonths(i)).ToList();
        var starts = await ReportQueries.RunAsync(connection, ReportQueries.RoleStarts, window);
        var context = await ReportQueries.RunAsync(connection, ReportQueries.GpContext, window);
        return KpiSeries.Build(outcomes, navigation, months, _parameters, starts, context);
    }

    private MetricTable<HeadlineRow> Headline(IReadOnlyList<Kpi> kpis, DateOnly period) =>
        new("headline", "Headline measures", HeadlineRow.Columns, kpis.Select(k =>
        {
            var last = KpiSeries.Chart(k, _parameters).LastOrDefault(p => p.Date == period);
            return new HeadlineRow(k, k.In(period), k.In(period.AddMonths(-1)), k.In(period.AddMonths(-12)),
                last is null ? null : Metrics.ServiceOverload.Variation(last.PointType), last?.SpecialCauseType,
                last is null ? null : HeadlineRow.AssuranceWords(new XmrPointLimits(last.LowerLimit, last.UpperLimit), _parameters.Targets.TryGetValue(k.Key, out var t) ? t : null, k.Direction))
            {
                Confidence = _parameters.Confidence,
            };
        }).ToList());

    private MetricTable<SpcPointRow> Spc(Kpi kpi)
    {
        // A phase's mean and limits rest on that phase's months only (each phase is its own baseline).
        var chart = KpiSeries.Chart(kpi, _parameters);
        var phases = chart.GroupBy(p => p.RebaseGroup).ToDictionary(g => g.Key, g => (IReadOnlyList<(Disclosure.CellKey, long)>)g.SelectMany(p => kpi.In(p.Date)!.Basis).ToList());
        return new($"spc_{kpi.Key}", $"{kpi.Name} each month with SPC limits", SpcPointRow.Columns,
            chart.Select(p => new SpcPointRow(p, kpi.In(p.Date)!, phases[p.RebaseGroup])).ToList());
    }
}
