using System.CommandLine;
using System.Globalization;
using ImpactMeasure.Reports;
using ImpactMeasure.Reports.Metrics;
using ImpactMeasure.Warehouse;
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
        var config = new Option<string>("--config") { Description = "Configuration file with a \"methods\" section", DefaultValueFactory = _ => DefaultConfig };
        var metrics = new Command("metrics", "Write one CSV per metric (freed GP time, referral outcomes, overload, social prescribing, wellbeing).")
        {
            period, months, area, outDir, noSuppression, config,
        };
        metrics.SetAction((parse, cancel) =>
        {
            if (!TryMonth(parse.GetValue(period)!, out var month))
                return Task.FromResult(output.Fail($"--period '{parse.GetValue(period)}' is not a month: expected YYYY-MM"));
            var window = ReportWindow.Ending(month, parse.GetValue(months), parse.GetValue(area));
            return RunAsync(WarehouseLocation.Resolve(parse.GetValue(CommonOptions.Warehouse)), window, parse.GetValue(outDir)!,
                !parse.GetValue(noSuppression), parse.GetValue(config)!, output);
        });
        return new Command("report", "Reports: the metric CSVs and the monthly Excel pack.") { metrics, Monthly(output) };
    }

    private static Command Monthly(CliOutput output)
    {
        var period = new Option<string>("--period") { Description = "The pack's month, YYYY-MM", Required = true };
        var area = new Option<string?>("--area") { Description = "An ICB, sub-ICB, PCN or practice code (default: everything)" };
        var outFile = new Option<string?>("--out") { Description = "The .xlsx file (default out/impact-monthly-pack-AREA-YYYY-MM.xlsx)" };
        var config = new Option<string>("--config") { Description = "Configuration file with a \"methods\" section", DefaultValueFactory = _ => DefaultConfig };
        var command = new Command("monthly", "Write the monthly Excel pack (Cover, Contents, Notes, tables, SPC chart).") { period, area, outFile, config };
        command.SetAction(parse =>
        {
            if (!TryMonth(parse.GetValue(period)!, out var month))
                return Task.FromResult(output.Fail($"--period '{parse.GetValue(period)}' is not a month: expected YYYY-MM"));
            var file = parse.GetValue(outFile) ?? Path.Combine("out", ImpactMeasure.Reports.Pack.MonthlyPack.FileName(parse.GetValue(area), month));
            return MonthlyAsync(WarehouseLocation.Resolve(parse.GetValue(CommonOptions.Warehouse)), month, parse.GetValue(area), file, parse.GetValue(config)!, output);
        });
        return command;
    }

    public static async Task<int> MonthlyAsync(WarehouseLocation location, DateOnly month, string? area, string file, string configPath, CliOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var parameters = MethodParameters.Load(configPath);
        await using var warehouse = await ImpactMeasure.Warehouse.Warehouse.OpenAsync(location, WarehouseAccess.ReadOnly);
        await new Migrator(warehouse).RequireCurrentAsync();
        var data = await new ImpactMeasure.Reports.Pack.MonthlyPackBuilder(warehouse, parameters).BuildAsync(month, area);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
        ImpactMeasure.Reports.Pack.MonthlyPack.Write(file, data);
        output.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Wrote the monthly pack for {month:MMM yyyy} to {Path.GetFullPath(file)} in {clock.Elapsed.TotalSeconds:F1} s"));
        return ExitCodes.Ok;
    }

    public static bool TryMonth(string text, out DateOnly month) =>
        DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out month);

    public static async Task<int> RunAsync(WarehouseLocation location, ReportWindow window, string folder, bool suppress, string configPath, CliOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var parameters = MethodParameters.Load(configPath);
        if (!suppress)
            output.Error.WriteLine("impact: warning: --no-suppression: small numbers are shown; these files are not for sharing");
        await using var warehouse = await ImpactMeasure.Warehouse.Warehouse.OpenAsync(location, WarehouseAccess.ReadOnly);
        await new Migrator(warehouse).RequireCurrentAsync();
        var result = await new MetricsReport(warehouse, parameters).RunAsync(window, suppress);
        var files = result.WriteCsv(folder);
        PrintSummary(output, result);
        output.Out.WriteLine($"Wrote {files.Count} metric files to {Path.GetFullPath(folder)}");
        return ExitCodes.Ok;
    }

    private static void PrintSummary(CliOutput output, MetricsResult result)
    {
        var table = new Table().Border(TableBorder.Simple).AddColumns("measure", "value", "95% interval");
        var freed = Find(result["freed_gp_time"], "breakdown", "all");
        if (freed is not null)
        {
            table.AddRow("GP appointments freed (central)", Cell(result["freed_gp_time"], freed, "freed_central"),
                $"{Cell(result["freed_gp_time"], freed, "freed_lower_95")} to {Cell(result["freed_gp_time"], freed, "freed_upper_95")}");
            table.AddRow("GP hours freed (central)", Hours(result["freed_gp_time"], freed), "");
        }
        var outcomes = Find(result["referral_outcomes"], "breakdown", "all");
        if (outcomes is not null)
        {
            foreach (var (label, column) in new[] { ("Service acceptance rate", "acceptance"), ("Capacity rejection rate", "capacity_rejection"), ("Inappropriate referral rate", "inappropriate") })
            {
                var rate = result["referral_outcomes"];
                table.AddRow(label, Cell(rate, outcomes, column + "_rate"), $"{Cell(rate, outcomes, column + "_lower_95")} to {Cell(rate, outcomes, column + "_upper_95")}");
            }
        }
        var overloaded = result["service_overload"].Rows.Where(r => (string?)r[^1] == "possibly overloaded").Select(r => $"{r[0]} {r[2]}").Distinct().ToList();
        table.AddRow("Possibly overloaded services", overloaded.Count == 0 ? "none" : Markup.Escape(string.Join(", ", overloaded)), "");
        output.Out.WriteLine($"ImpactMeasure metrics: {result.Window.Describe()}");
        output.Console.Write(table);
    }

    private static object?[]? Find(MetricTable table, string column, string value) =>
        table.Rows.FirstOrDefault(r => (r[table.IndexOf(column)] as string) == value);

    private static string Cell(MetricTable table, object?[] row, string column) =>
        Markup.Escape(CsvReportWriter.Format(row[table.IndexOf(column)], table.Columns[table.IndexOf(column)]) is { Length: > 0 } text ? text : "n/a");

    private static string Hours(MetricTable table, object?[] row) =>
        row[table.IndexOf("minutes_central")] is double minutes ? (minutes / 60).ToString("N0", CultureInfo.InvariantCulture) : Markup.Escape("[c]");
}
