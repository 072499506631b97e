using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using ImpactMeasure.Reports;
using ImpactMeasure.Warehouse;
using ImpactMeasure.Warehouse.Migrations;

namespace ImpactMeasure.Cli.Commands;

/// <summary><c>impact bench disclosure</c>: disclosure control of a whole release against computing the release
/// itself, on the same warehouse in one run: both times and the ratio.</summary>
public static class BenchDisclosureCommand
{
    public static Command Create(CliOutput output)
    {
        var period = new Option<string>("--period") { Description = "The last month of the release, YYYY-MM", Required = true };
        var months = new Option<int>("--months") { Description = "Months in the release's window", DefaultValueFactory = _ => 24 };
        var config = new Option<string>("--config") { Description = "Configuration file with a \"methods\" section", DefaultValueFactory = _ => ReportCommand.DefaultConfig };
        var command = new Command("disclosure", "Time disclosure control over a metrics release against computing the release.") { period, months, config };
        command.SetAction(parse =>
        {
            if (!ReportCommand.TryMonth(parse.GetValue(period)!, out var month))
                return Task.FromResult(output.Fail($"--period '{parse.GetValue(period)}' is not a month: expected YYYY-MM"));
            return RunAsync(WarehouseLocation.Resolve(parse.GetValue(CommonOptions.Warehouse)), ReportWindow.Ending(month, parse.GetValue(months), null),
                parse.GetValue(config)!, output);
        });
        return command;
    }

    public static async Task<int> RunAsync(WarehouseLocation location, ReportWindow window, string configPath, CliOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var parameters = MethodParameters.Load(configPath);
        await using var warehouse = await ImpactMeasure.Warehouse.Warehouse.OpenAsync(location, WarehouseAccess.ReadOnly);
        await new Migrator(warehouse).RequireCurrentAsync();
        var clock = Stopwatch.StartNew();
        var result = await new MetricsReport(warehouse, parameters).ComputeAsync(window);
        var compute = clock.Elapsed;
        clock.Restart();
        var disclosure = result.Protect([]);
        var protect = clock.Elapsed;
        var rows = result.Tables.Sum(t => t.PublishedRows().Count());
        output.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            release:             {window.Describe()}: {result.Tables.Count} tables, {rows:N0} rows, {result.Members.Select(m => m.Practice).Distinct().Count():N0} practices
            compute the release: {compute.TotalSeconds,8:F2} s  (queries and every metric, no disclosure control)
            disclosure control:  {protect.TotalSeconds,8:F2} s  ({disclosure.Primary:N0} small counts hidden, {disclosure.Complementary:N0} complements, audited by linear programming)
            ratio:               {protect.TotalSeconds / compute.TotalSeconds,8:F2}  (disclosure control / computing the release)
            """));
        if (disclosure.Statistics is { } s)
        {
            output.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {s.Cells:N0} counts, {s.Identities:N0} identities; identities {s.BuildIdentities.TotalSeconds:F2} s, line rule {s.LineRule.TotalSeconds:F2} s, audit {s.Audit.TotalSeconds:F2} s over {s.Rounds} rounds"));
        }
        return ExitCodes.Ok;
    }
}
