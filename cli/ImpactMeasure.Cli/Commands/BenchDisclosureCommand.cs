using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using ImpactMeasure.Reports;
using ImpactMeasure.Reports.Disclosure;
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
        var saved = new Option<string?>("--release")
        {
            Description = "Save the computed release's counts to this file, or when it exists protect it without computing (for tuning; unsuppressed counts: internal only)",
        };
        var command = new Command("disclosure", "Time disclosure control over a metrics release against computing the release.") { period, months, saved };
        command.SetAction(parse =>
        {
            if (!ReportCommand.TryMonth(parse.GetValue(period)!, out var month))
                return Task.FromResult(output.Fail($"--period '{parse.GetValue(period)}' is not a month: expected YYYY-MM"));
            var parameters = MethodParameters.Load(CommonOptions.Configuration(parse));
            if (parse.GetValue(saved) is { } file && File.Exists(file))
                return Task.FromResult(ProtectSaved(file, parameters, output));
            return RunAsync(WarehouseLocation.Resolve(parse.GetValue(CommonOptions.Warehouse)), ReportWindow.Ending(month, parse.GetValue(months), null),
                parameters, parse.GetValue(saved), output);
        });
        return command;
    }

    public static async Task<int> RunAsync(WarehouseLocation location, ReportWindow window, MethodParameters parameters, string? save, CliOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(parameters);
        await using var warehouse = await ImpactMeasure.Warehouse.Warehouse.OpenAsync(location, WarehouseAccess.ReadOnly);
        await new Migrator(warehouse).RequireCurrentAsync();
        var clock = Stopwatch.StartNew();
        var result = await new MetricsReport(warehouse, parameters).ComputeAsync(window);
        var compute = clock.Elapsed;
        if (save is not null)
            ReleaseFile.Save(result.Release([]), save);
        // The computation's garbage is collected before the clock starts, so its collection is not charged to
        // disclosure control (as a benchmark harness does between phases).
        GC.Collect();
        GC.WaitForPendingFinalizers();
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
        PrintStatistics(disclosure, output);
        return ExitCodes.Ok;
    }

    private static int ProtectSaved(string file, MethodParameters parameters, CliOutput output)
    {
        var release = ReleaseFile.Load(file);
        var clock = Stopwatch.StartNew();
        var disclosure = release.Protect(parameters.SuppressionThreshold, parameters.SuppressionRounding);
        output.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"disclosure control:  {clock.Elapsed.TotalSeconds,8:F2} s  ({disclosure.Primary:N0} small counts hidden, {disclosure.Complementary:N0} complements; saved release {file})"));
        PrintStatistics(disclosure, output);
        return disclosure.Unprotected.Count == 0 ? ExitCodes.Ok : output.Fail($"{disclosure.Unprotected.Count} hidden counts left unprotected");
    }

    internal static void PrintStatistics(ImpactMeasure.Reports.Disclosure.Disclosure disclosure, CliOutput output)
    {
        if (disclosure.Statistics is { } s)
        {
            output.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {s.Cells:N0} counts, {s.Identities:N0} identities; identities {s.BuildIdentities.TotalSeconds:F2} s, line rule {s.LineRule.TotalSeconds:F2} s, audit {s.Audit.TotalSeconds:F2} s over {s.Rounds} rounds ({s.Programs:N0} programs), complements {s.Complements.TotalSeconds:F2} s"));
        }
    }
}
