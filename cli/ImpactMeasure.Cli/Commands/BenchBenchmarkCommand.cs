using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using ImpactMeasure.Reports;
using ImpactMeasure.Reports.Benchmark;
using ImpactMeasure.Warehouse;
using ImpactMeasure.Warehouse.Migrations;

namespace ImpactMeasure.Cli.Commands;

/// <summary><c>impact bench benchmark</c>: the whole PCN benchmarking computation (every indicator, the similar-PCN
/// clusters, funnel limits, equity and disclosure control over the release) timed beside the time of the SQL it runs,
/// measured in the same run, with the slowest queries.</summary>
public static class BenchBenchmarkCommand
{
    public static Command Create(CliOutput output)
    {
        var period = new Option<string>("--period") { Description = "The last month of the window, YYYY-MM", Required = true };
        var months = new Option<int>("--months") { Description = "Months in the window", DefaultValueFactory = _ => 24 };
        var peers = new Option<string>("--peers") { Description = "icb, england or similar", DefaultValueFactory = _ => "england" };
        var command = new Command("benchmark", "Time PCN benchmarking over the whole warehouse beside the time of its SQL alone.") { period, months, peers };
        command.SetAction(parse =>
        {
            if (!ReportCommand.TryMonth(parse.GetValue(period)!, out var month))
                return Task.FromResult(output.Usage($"--period '{parse.GetValue(period)}' is not a month: expected YYYY-MM"));
            return RunAsync(WarehouseLocation.Resolve(parse.GetValue(CommonOptions.Warehouse)), ReportWindow.Ending(month, parse.GetValue(months), null),
                parse.GetValue(peers)!, MethodParameters.Load(CommonOptions.Configuration(parse)), output);
        });
        return command;
    }

    public static async Task<int> RunAsync(WarehouseLocation location, ReportWindow window, string peers, MethodParameters parameters, CliOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(window);
        await using var warehouse = await ImpactMeasure.Warehouse.Warehouse.OpenAsync(location, WarehouseAccess.ReadOnly);
        await new Migrator(warehouse).RequireCurrentAsync();
        using var timings = QueryTimings.Record();
        var clock = Stopwatch.StartNew();
        var release = await new BenchmarkReport(warehouse, parameters).RunAsync(window, peers);
        var whole = clock.Elapsed;
        var sql = timings.Total;
        var pcns = release.Table.Rows.Select(r => r.PcnCode).Distinct(StringComparer.Ordinal).Count();
        var disclosure = release.Metrics.Disclosure;
        output.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            benchmark:      {window.Describe()}, peers {peers}: {pcns:N0} PCNs, {release.Table.Rows.Count:N0} PCN and {release.Practices.Rows.Count:N0} practice indicator rows, {release.Equity.Rows.Count + release.Metrics.EquityWellbeing.Rows.Count:N0} equity rows
            whole:          {whole.TotalSeconds,8:F2} s  (metrics, indicators, similar-PCN clusters, funnel limits, equity, disclosure control)
            SQL alone:      {sql.TotalSeconds,8:F2} s  ({timings.Queries.Count} queries, each timed as it ran in this run; the PCNs' context queries run beside the metrics)
            disclosure:     {disclosure?.Elapsed.TotalSeconds ?? 0,8:F2} s  (disclosure control over the release)
            ratio:          {whole.TotalSeconds / sql.TotalSeconds,8:F2}  (whole / SQL alone)
            """));
        if (disclosure is not null)
            BenchDisclosureCommand.PrintStatistics(disclosure, output);
        output.Out.WriteLine("slowest queries:");
        foreach (var (query, rows, elapsed) in timings.Queries.OrderByDescending(q => q.Elapsed).Take(6))
            output.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {elapsed.TotalSeconds,7:F2} s  {rows,9:N0} rows  {query}"));
        return ExitCodes.Ok;
    }
}
