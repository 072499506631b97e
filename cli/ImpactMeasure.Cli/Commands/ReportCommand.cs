using System.CommandLine;
using System.Globalization;
using ImpactMeasure.Reports;
using ImpactMeasure.Reports.Metrics;
using ImpactMeasure.Warehouse;
using ImpactMeasure.Warehouse.Configuration;
using ImpactMeasure.Warehouse.Migrations;
using Spectre.Console;

namespace ImpactMeasure.Cli.Commands;

/// <summary><c>impact report metrics</c>: one CSV per metric for a period, and a short summary.</summary>
public static class ReportCommand
{
    public const string DefaultConfig = "impact.json";

    public static Command Create(CliOutput output)
    {
        var period = new Option<string>("--period") { Description = "The report month, YYYY-MM (the last month of the window)", Required = true };
        var months = new Option<int>("--months") { Description = "Months in the window ending with --period", DefaultValueFactory = _ => 1 };
        var area = new Option<string?>("--area") { Description = "An ICB, sub-ICB, PCN or practice code (default: everything)" };
        var outDir = new Option<string>("--out") { Description = "Folder for the CSV files", DefaultValueFactory = _ => Path.Combine("out", "metrics") };
        var noSuppression = new Option<bool>("--no-suppression") { Description = "Show small numbers (not for sharing)" };
        var allowIncomplete = AllowIncompleteOption();
        var force = ForceOption();
        var metrics = new Command("metrics", "Write one CSV per metric (freed GP time, referral outcomes, overload, social prescribing, wellbeing).")
        {
            period, months, area, outDir, noSuppression, allowIncomplete, force,
        };
        metrics.SetAction((parse, cancel) =>
        {
            if (!TryMonth(parse.GetValue(period)!, out var month))
                return Task.FromResult(output.Usage($"--period '{parse.GetValue(period)}' is not a month: expected YYYY-MM"));
            if (!IsAreaCode(parse.GetValue(area)))
                return Task.FromResult(AreaError(output, parse.GetValue(area)!));
            var window = ReportWindow.Ending(month, parse.GetValue(months), parse.GetValue(area));
            return RunAsync(WarehouseLocation.Resolve(parse.GetValue(CommonOptions.Warehouse)), window, parse.GetValue(outDir)!,
                !parse.GetValue(noSuppression), CommonOptions.Configuration(parse), output, parse.GetValue(allowIncomplete), parse.GetValue(force));
        });
        return new Command("report", "Reports: the metric CSVs, the monthly Excel pack and PCN benchmarking.") { metrics, Monthly(output), BenchmarkCommand.Create(output) };
    }

    private static Command Monthly(CliOutput output)
    {
        var period = new Option<string>("--period") { Description = "The pack's month, YYYY-MM", Required = true };
        var area = new Option<string?>("--area") { Description = "An ICB, sub-ICB, PCN or practice code (default: everything)" };
        var outFile = new Option<string?>("--out") { Description = "The .xlsx file (default out/impact-monthly-pack-AREA-YYYY-MM.xlsx); with --each-pcn a folder (default out/packs-AREA-YYYY-MM)" };
        var noSuppression = new Option<bool>("--no-suppression") { Description = "Show small numbers: an internal pack marked NOT FOR SHARING" };
        var allowIncomplete = AllowIncompleteOption();
        var force = ForceOption();
        var eachPcn = new Option<bool>("--each-pcn") { Description = "Also write one pack per PCN of the area (an ICB, or everything) into the --out folder, with an index" };
        var command = new Command("monthly", "Write the monthly Excel pack (Cover, Contents, Notes, tables, SPC chart).") { period, area, outFile, noSuppression, allowIncomplete, force, eachPcn };
        command.SetAction(parse =>
        {
            if (!TryMonth(parse.GetValue(period)!, out var month))
                return Task.FromResult(output.Usage($"--period '{parse.GetValue(period)}' is not a month: expected YYYY-MM"));
            if (!IsAreaCode(parse.GetValue(area)))
                return Task.FromResult(AreaError(output, parse.GetValue(area)!));
            if (parse.GetValue(eachPcn))
            {
                var folder = parse.GetValue(outFile) ?? Path.Combine("out", $"packs-{(parse.GetValue(area) ?? "all").ToLowerInvariant()}-{month:yyyy-MM}");
                return EachPcnPacks.RunAsync(WarehouseLocation.Resolve(parse.GetValue(CommonOptions.Warehouse)), month, parse.GetValue(area), folder, CommonOptions.Configuration(parse), output,
                    !parse.GetValue(noSuppression), parse.GetValue(allowIncomplete), parse.GetValue(force));
            }
            var file = parse.GetValue(outFile) ?? Path.Combine("out", ImpactMeasure.Reports.Pack.MonthlyPack.FileName(parse.GetValue(area), month));
            if (!file.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
                return Task.FromResult(output.Usage($"--out '{file}' is not an .xlsx file: name the pack's file (for example out/pack.xlsx), or add --each-pcn to write packs into a folder"));
            return MonthlyAsync(WarehouseLocation.Resolve(parse.GetValue(CommonOptions.Warehouse)), month, parse.GetValue(area), file, CommonOptions.Configuration(parse), output,
                !parse.GetValue(noSuppression), parse.GetValue(allowIncomplete), parse.GetValue(force));
        });
        return command;
    }

    public static async Task<int> MonthlyAsync(WarehouseLocation location, DateOnly month, string? area, string file, ImpactConfiguration config, CliOutput output,
        bool suppress = true, bool allowIncomplete = false, bool force = false)
    {
        ArgumentNullException.ThrowIfNull(output);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var parameters = MethodParameters.Load(config);
        var pack = ImpactMeasure.Reports.Pack.PackSettings.Load(config);
        if (OutputGuard.Refuse(file, isFolder: false, force, output) is { } replacing)
            return replacing;
        WarnIfUnprotected(output, suppress);
        await using var warehouse = await ImpactMeasure.Warehouse.Warehouse.OpenAsync(location, WarehouseAccess.ReadOnly);
        await new Migrator(warehouse).RequireCurrentAsync();
        if (await RefuseUnknownAreaAsync(warehouse, area, output) is { } refused)
            return refused;
        var (incompleteRefused, incomplete) = await CheckCompleteAsync(warehouse, month, area, config, allowIncomplete, output);
        if (incompleteRefused is { } code)
            return code;
        var data = await new ImpactMeasure.Reports.Pack.MonthlyPackBuilder(warehouse, parameters, pack: pack).BuildAsync(month, area, suppress, incomplete);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
        ImpactMeasure.Reports.Pack.MonthlyPack.Write(file, data);
        output.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Wrote the monthly pack for {month:MMM yyyy} to {Path.GetFullPath(file)} in {clock.Elapsed.TotalSeconds:F1} s"));
        return ExitCodes.Ok;
    }

    /// <summary>An ICB, sub-ICB, PCN or practice code: letters and digits only, so it can never reach outside the
    /// output folder through the pack's file name.</summary>
    public static bool IsAreaCode(string? area) =>
        string.IsNullOrWhiteSpace(area) || (area.Trim().Length <= 16 && area.Trim().All(char.IsAsciiLetterOrDigit));

    private static Option<bool> ForceOption() => new("--force") { Description = "Replace the report files already at --out (without it the command refuses)" };

    private static Option<bool> AllowIncompleteOption() => new("--allow-incomplete")
    {
        Description = "Report a month with no or too little GPAD data (below serve.minimum_coverage) anyway, every figure marked provisional",
    };

    /// <summary>A month with no GPAD data, or too little (serve.minimum_coverage of the area's practices): exit 3
    /// naming the latest month with data, unless allowed, when the reason is returned to mark every figure
    /// provisional.</summary>
    internal static async Task<(int? Refused, string? Incomplete)> CheckCompleteAsync(ImpactMeasure.Warehouse.Warehouse warehouse, DateOnly month, string? area,
        ImpactConfiguration config, bool allow, CliOutput output)
    {
        var minimum = Service.ServeSettings.Load(config).MinimumCoverage;
        if ((await MonthCoverage.OfAsync(warehouse, month, area)).Shortfall(minimum) is not { } shortfall)
            return (null, null);
        if (allow)
        {
            output.Error.WriteLine($"impact: warning: {shortfall}: every figure is marked provisional (--allow-incomplete)");
            return (null, shortfall);
        }
        var latest = await ImpactMeasure.Reports.ReportQueries.LatestMonthAsync(warehouse);
        output.Error.WriteLine($"impact: error: {shortfall}; the latest month with data is {(latest is { } l ? l.ToString("yyyy-MM", CultureInfo.InvariantCulture) : "none (the warehouse is empty)")}: "
            + "report that month, or pass --allow-incomplete to mark every figure provisional");
        return (ExitCodes.InputRejected, null);
    }

    /// <summary>Exit 2 naming the nearest known codes when <paramref name="area"/> is no practice, PCN, sub-ICB or ICB
    /// of the warehouse (a report of nothing would look like a report of zeros); null when it is one, or absent.</summary>
    public static async Task<int?> RefuseUnknownAreaAsync(ImpactMeasure.Warehouse.Warehouse warehouse, string? area, CliOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (string.IsNullOrWhiteSpace(area))
            return null;
        var codes = await ImpactMeasure.Reports.ReportQueries.AreaCodesAsync(warehouse);
        if (codes.Contains(area.Trim(), StringComparer.Ordinal))
            return null;
        var nearest = codes.OrderBy(c => ImpactMeasure.Etl.Parsing.EditDistance.Between(c.ToUpperInvariant(), area.Trim().ToUpperInvariant())).ThenBy(c => c, StringComparer.Ordinal).Take(5);
        return output.Usage($"--area '{area}' is no practice, PCN, sub-ICB or ICB in the warehouse; nearest codes: {string.Join(", ", nearest)}");
    }

    private static int AreaError(CliOutput output, string area) =>
        output.Usage($"--area '{area}' is not an area code: expected the letters and digits of an ICB, sub-ICB, PCN or practice code (for example U10001)");

    public static bool TryMonth(string text, out DateOnly month) =>
        DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out month);

    public static async Task<int> RunAsync(WarehouseLocation location, ReportWindow window, string folder, bool suppress, ImpactConfiguration config, CliOutput output,
        bool allowIncomplete = false, bool force = false)
    {
        ArgumentNullException.ThrowIfNull(output);
        var parameters = MethodParameters.Load(config);
        if (OutputGuard.Refuse(folder, isFolder: true, force, output) is { } replacing)
            return replacing;
        WarnIfUnprotected(output, suppress);
        await using var warehouse = await ImpactMeasure.Warehouse.Warehouse.OpenAsync(location, WarehouseAccess.ReadOnly);
        await new Migrator(warehouse).RequireCurrentAsync();
        if (await RefuseUnknownAreaAsync(warehouse, window.Area, output) is { } refused)
            return refused;
        var (incompleteRefused, incomplete) = await CheckCompleteAsync(warehouse, window.LastMonth, window.Area, config, allowIncomplete, output);
        if (incompleteRefused is { } code)
            return code;
        var result = await new MetricsReport(warehouse, parameters).RunAsync(window with { Incomplete = incomplete }, suppress);
        var files = result.WriteCsv(folder);
        PrintSummary(output, result);
        output.Out.WriteLine($"Wrote {files.Count} metric files to {Path.GetFullPath(folder)}");
        return ExitCodes.Ok;
    }

    private static void WarnIfUnprotected(CliOutput output, bool suppress)
    {
        if (!suppress)
            output.Error.WriteLine("impact: warning: --no-suppression: small numbers are shown; the output says NOT FOR SHARING and must stay internal");
    }

    private static void PrintSummary(CliOutput output, MetricsResult result)
    {
        var table = new Table().Border(TableBorder.Simple).AddColumns("measure", "value", "95% interval");
        var freed = result.FreedGpTime;
        if (freed.Rows.FirstOrDefault(r => r.Breakdown == "all") is { } all)
        {
            table.AddRow("GP appointments freed (central)", Cell(freed, all, FreedGpTimeColumns.FreedCentral),
                $"{Cell(freed, all, FreedGpTimeColumns.FreedLower95)} to {Cell(freed, all, FreedGpTimeColumns.FreedUpper95)}");
            table.AddRow("GP hours freed (central)", freed.Show(all, FreedGpTimeColumns.MinutesCentral) is double minutes
                ? (minutes / 60).ToString("N0", CultureInfo.InvariantCulture) : Markup.Escape(Cell(freed, all, FreedGpTimeColumns.MinutesCentral)), "");
        }
        var outcomes = result.ReferralOutcomes;
        if (outcomes.Rows.FirstOrDefault(r => r.Breakdown == "all") is { } total)
        {
            foreach (var (label, rate, lower, upper) in new[]
            {
                ("Service acceptance rate", ReferralOutcomeColumns.AcceptanceRate, ReferralOutcomeColumns.AcceptanceLower, ReferralOutcomeColumns.AcceptanceUpper),
                ("Capacity rejection rate", ReferralOutcomeColumns.CapacityRate, ReferralOutcomeColumns.CapacityLower, ReferralOutcomeColumns.CapacityUpper),
                ("Inappropriate referral rate", ReferralOutcomeColumns.InappropriateRate, ReferralOutcomeColumns.InappropriateLower, ReferralOutcomeColumns.InappropriateUpper),
            })
            {
                table.AddRow(label, Cell(outcomes, total, rate), $"{Cell(outcomes, total, lower)} to {Cell(outcomes, total, upper)}");
            }
        }
        var overloaded = result.ServiceOverload.Rows.Where(r => ServiceOverload.IsFlagged(r.PossiblyOverloaded))
            .GroupBy(r => (r.ServiceCode, r.PossiblyOverloaded)).Select(g => $"{g.Key.ServiceCode} {g.Key.PossiblyOverloaded} ({g.Min(r => r.Month)}"
                + (g.Count() > 1 ? $" to {g.Max(r => r.Month)})" : ")")).ToList();
        table.AddRow("Possibly overloaded services", overloaded.Count == 0 ? "none" : Markup.Escape(string.Join(", ", overloaded)), "");
        output.Out.WriteLine($"ImpactMeasure metrics: {result.Window.Describe()}");
        output.Out.WriteLine(CsvReportWriter.DescribeDisclosure(result.Disclosure));
        output.Console.Write(table);
    }

    private static string Cell<TRow>(MetricTable<TRow> table, TRow row, Column<TRow> column) =>
        Markup.Escape(CsvReportWriter.Format(table.Show(row, column), column.Format) is { Length: > 0 } text ? text : "n/a");
}
