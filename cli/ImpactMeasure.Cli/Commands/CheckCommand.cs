using System.CommandLine;
using System.Globalization;
using ImpactMeasure.Warehouse;
using ImpactMeasure.Warehouse.Checks;
using ImpactMeasure.Warehouse.Migrations;
using Spectre.Console;

namespace ImpactMeasure.Cli.Commands;

/// <summary><c>impact check</c>: runs every data check; prints each failure with a sample of offending rows.</summary>
public static class CheckCommand
{
    public static Command Create(CliOutput output)
    {
        var command = new Command("check", "Run the warehouse's data checks (checks/assert_*.sql); exit code 1 when any fails.");
        command.SetAction((parse, cancel) => RunAsync(WarehouseLocation.Resolve(parse.GetValue(CommonOptions.Warehouse)), output, cancel));
        return command;
    }

    public static async Task<int> RunAsync(WarehouseLocation location, CliOutput output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        await using var warehouse = await ImpactMeasure.Warehouse.Warehouse.OpenAsync(location, WarehouseAccess.ReadOnly, cancellationToken);
        await new Migrator(warehouse).RequireCurrentAsync();
        var results = await new DataChecks(warehouse).RunAllAsync(cancellationToken);
        foreach (var result in results.Where(r => !r.Passed))
            PrintFailure(output, result);
        var failed = results.Count(r => !r.Passed);
        output.Out.WriteLine($"{results.Count - failed} passed, {failed} failed: data checks on {location.Display}");
        return failed == 0 ? ExitCodes.Ok : ExitCodes.Failed;
    }

    private static void PrintFailure(CliOutput output, CheckResult result)
    {
        output.Out.WriteLine($"FAIL {result.Name}: {result.OffendingRows.ToString("N0", CultureInfo.InvariantCulture)} offending row(s); first {result.Sample.Count}:");
        var table = new Table().Border(TableBorder.Simple);
        foreach (var column in result.Columns)
            table.AddColumn(Markup.Escape(column));
        foreach (var row in result.Sample)
            table.AddRow(row.Select(v => Markup.Escape(Convert.ToString(v, CultureInfo.InvariantCulture) ?? "null")).ToArray());
        output.Console.Write(table);
    }
}
