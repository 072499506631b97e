using System.CommandLine;
using System.Globalization;
using ImpactMeasure.Reports;
using ImpactMeasure.Reports.Benchmark;
using ImpactMeasure.Reports.Metrics;
using ImpactMeasure.Warehouse;
using ImpactMeasure.Warehouse.Configuration;
using ImpactMeasure.Warehouse.Migrations;
using Spectre.Console;

namespace ImpactMeasure.Cli.Commands;

/// <summary><c>impact report benchmark</c>: every PCN on the benchmarking indicators against its peers, as a CSV.</summary>
public static class BenchmarkCommand
{
    public static Command Create(CliOutput output)
    {
        var period = new Option<string>("--period") { Description = "The last month of the window, YYYY-MM", Required = true };
        var months = new Option<int>("--months") { Description = "Months in the window ending with --period", DefaultValueFactory = _ => 12 };
        var pcn = new Option<string?>("--pcn") { Description = "One PCN's view: its peer group, the others as Peer A, Peer B…" };
        var peers = new Option<string>("--peers") { Description = "icb (the PCNs of the same ICB), england (all PCNs in the warehouse) or similar (k-means groups of similar PCNs)", DefaultValueFactory = _ => "england" };
        var namePeers = new Option<bool>("--name-peers") { Description = "With --pcn, name the peers instead of Peer A, Peer B…" };
        var outDir = new Option<string>("--out") { Description = "Folder for pcn_benchmark.csv, practice_benchmark.csv, equity.csv, equity_wellbeing.csv, inequality.csv, pcn_sp_caseload.csv, pcn_wellbeing.csv and similar_pcns.csv; or FILE.xlsx: the benchmarking pack (funnel charts), the CSVs beside it", DefaultValueFactory = _ => Path.Combine("out", "benchmark") };
        var force = new Option<bool>("--force") { Description = "Replace pcn_benchmark.csv if it is already at --out" };
        var overdispersion = new Option<bool>("--overdispersion") { Description = "Widen proportions' funnels for overdispersion as FunnelPlotR does (where phi > 1)" };
        var command = new Command("benchmark", "PCN benchmarking: each PCN's indicators against its peers with funnel limits (CSV, or an Excel pack with funnel charts).")
        {
            period, months, pcn, peers, namePeers, outDir, force, overdispersion,
        };
        command.SetAction((parse, cancel) =>
        {
            if (!ReportCommand.TryMonth(parse.GetValue(period)!, out var month))
                return Task.FromResult(output.Usage($"--period '{parse.GetValue(period)}' is not a month: expected YYYY-MM"));
            var peerGroup = parse.GetValue(peers)!;
            if (peerGroup is not ("icb" or "england" or "similar"))
                return Task.FromResult(output.Usage($"--peers '{peerGroup}': expected icb, england or similar"));
            var target = parse.GetValue(outDir)!;
            var workbook = target.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) ? target : null;
            // A funnel compares one peer group: every PCN in one chart only when all share the same peers.
            if (workbook is not null && parse.GetValue(pcn) is null && peerGroup != "england")
                return Task.FromResult(output.Usage($"--out {target} with --peers {peerGroup}: a funnel compares one peer group; give --pcn CODE for that PCN's peers, or --peers england"));
            return RunAsync(WarehouseLocation.Resolve(parse.GetValue(CommonOptions.Warehouse)), ReportWindow.Ending(month, parse.GetValue(months), null), peerGroup,
                parse.GetValue(pcn), parse.GetValue(namePeers), workbook is null ? target : Path.GetDirectoryName(Path.GetFullPath(target))!, CommonOptions.Configuration(parse),
                parse.GetValue(force), output, parse.GetValue(overdispersion), workbook);
        });
        return command;
    }

    public static async Task<int> RunAsync(WarehouseLocation location, ReportWindow window, string peers, string? pcn, bool namePeers, string folder, ImpactConfiguration config,
        bool force, CliOutput output, bool overdispersion = false, string? workbook = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(window);
        var file = Path.Combine(folder, BenchmarkReport.TableName + ".csv");
        if (OutputGuard.Refuse(folder, isFolder: true, force, output) is { } replacing)
            return replacing;
        if (workbook is not null && OutputGuard.Refuse(workbook, isFolder: false, force, output) is { } replacingPack)
            return replacingPack;
        var parameters = MethodParameters.Load(config);
        await using var warehouse = await ImpactMeasure.Warehouse.Warehouse.OpenAsync(location, WarehouseAccess.ReadOnly);
        await new Migrator(warehouse).RequireCurrentAsync();
        if (await ReportCommand.RefuseUnknownAreaAsync(warehouse, pcn, output) is { } refused)
            return refused;
        BenchmarkRelease release;
        try
        {
            release = await new BenchmarkReport(warehouse, parameters).RunAsync(window, peers, pcn, namePeers, overdispersion: overdispersion);
        }
        catch (ArgumentException ex) when (pcn is not null)
        {
            return output.Usage($"--pcn {pcn}: {ex.Message.Split(" (Parameter", StringSplitOptions.None)[0]}");
        }
        var table = release.Table;
        var equityWindow = window with { Area = null };
        CsvReportWriter.Write(folder, table, window, parameters, release.Metrics.Disclosure);
        CsvReportWriter.Write(folder, release.Practices, window, parameters, release.Metrics.Disclosure);
        CsvReportWriter.Write(folder, release.Equity, equityWindow, parameters, release.Metrics.Disclosure);
        CsvReportWriter.Write(folder, release.Inequality, equityWindow, parameters, release.Metrics.Disclosure);
        CsvReportWriter.Write(folder, release.Metrics.EquityWellbeing, WellbeingChange.CohortWindow(equityWindow, parameters), parameters, release.Metrics.Disclosure);
        // Social prescribing by PCN names every PCN: not beside one PCN's view, whose peers are anonymous.
        var byPcn = pcn is null || namePeers;
        if (byPcn)
        {
            CsvReportWriter.Write(folder, release.Metrics.PcnCaseload, equityWindow, parameters, release.Metrics.Disclosure);
            CsvReportWriter.Write(folder, release.Metrics.PcnWellbeing, WellbeingChange.CohortWindow(equityWindow, parameters), parameters, release.Metrics.Disclosure);
            CsvReportWriter.Write(folder, release.SimilarPcns, equityWindow, parameters, release.Metrics.Disclosure);
        }
        if (workbook is not null)
        {
            BenchmarkPack.Write(workbook, release, window, pcn, ImpactMeasure.Reports.Pack.PackSettings.Load(config), DateTimeOffset.UtcNow);
            output.Out.WriteLine($"Wrote the benchmarking pack to {Path.GetFullPath(workbook)}");
        }
        Print(output, table, pcn);
        if (release.Similar is { } similar)
        {
            output.Out.WriteLine(similar.K > 1
                ? string.Create(CultureInfo.InvariantCulture, $"Similar PCNs: {similar.K} groups by k-means (mean silhouette {similar.Silhouette:0.00}) over {similar.ClusterOf.Count} PCNs with a profile")
                : $"Similar PCNs: one group (fewer than six PCNs with a profile)");
            // One PCN's group number, and its nearest PCNs only where peers are named.
            if (pcn is not null && similar.ClusterOf.TryGetValue(pcn, out var group))
                output.Out.WriteLine($"{pcn} is in group {group} of {similar.K}{(namePeers ? $"; its nearest PCNs by profile: {string.Join(", ", similar.Nearest[pcn])}" : "")}");
        }
        output.Out.WriteLine($"Wrote {table.Rows.Count:N0} rows to {Path.GetFullPath(file)}, with {BenchmarkReport.PracticeTableName}.csv ({release.Practices.Rows.Count:N0} rows{(pcn is null ? "" : $", the practices of {pcn}")}), equity.csv, equity_wellbeing.csv{(byPcn ? ", inequality.csv, pcn_sp_caseload.csv, pcn_wellbeing.csv and similar_pcns.csv" : " and inequality.csv")} (the whole warehouse) beside it");
        return ExitCodes.Ok;
    }

    // One PCN's indicators, or how many PCNs stand out on each.
    private static void Print(CliOutput output, MetricTable<BenchmarkRow> table, string? pcn)
    {
        var grid = new Table().Border(TableBorder.Simple);
        if (pcn is not null)
        {
            output.Out.WriteLine($"{pcn} ({table.Rows.FirstOrDefault(r => r.PcnCode == pcn)?.PcnName}) against {table.Rows.FirstOrDefault(r => r.PcnCode == pcn)?.Peers}, {table.Rows.Count(r => r.Indicator == Indicator.All[0])} PCNs:");
            grid.AddColumns("indicator", "value", "peers", "comparison", "rank");
            foreach (var r in table.Rows.Where(r => r.PcnCode == pcn))
            {
                grid.AddRow(Markup.Escape(r.Indicator.Name), Shown(r.Value, r.Indicator), Shown(r.PeerValue, r.Indicator), Markup.Escape(r.Comparison),
                    r.Rank is { } k ? $"{k} of {r.Ranked}" : "");
            }
        }
        else
        {
            grid.AddColumns("indicator", "PCNs", "better or higher", "worse or lower", "hidden [[c]]");
            foreach (var g in table.Rows.GroupBy(r => r.Indicator))
            {
                grid.AddRow(Markup.Escape(g.Key.Name), N(g.Count()), N(g.Count(r => r.Comparison is "Better" or "Higher")), N(g.Count(r => r.Comparison is "Worse" or "Lower")),
                    N(g.Count(r => r.Comparison == SuppressedCell.Symbol)));
            }
        }
        output.Console.Write(grid);
    }

    private static string Shown(double? value, Indicator indicator) => value is not { } v ? ""
        : indicator.IsProportion ? v.ToString("0.0%", CultureInfo.InvariantCulture) : v.ToString("0.0", CultureInfo.InvariantCulture);

    private static string N(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
