using System.CommandLine;
using ImpactMeasure.Warehouse;
using ImpactMeasure.Warehouse.Migrations;

namespace ImpactMeasure.Cli.Commands;

/// <summary><c>impact init</c>: creates the warehouse or migrates it to the newest schema, and says what it did.</summary>
public static class InitCommand
{
    public static Command Create(CliOutput output)
    {
        var command = new Command("init", "Create the warehouse, or migrate it to this program's schema version.");
        command.SetAction((parse, cancel) => RunAsync(WarehouseLocation.Resolve(parse.GetValue(CommonOptions.Warehouse)), output, cancel));
        return command;
    }

    public static async Task<int> RunAsync(WarehouseLocation location, CliOutput output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        await using var warehouse = await ImpactMeasure.Warehouse.Warehouse.OpenAsync(location, WarehouseAccess.Create, cancellationToken);
        var report = await new Migrator(warehouse).MigrateAsync();
        if (report.Applied.Count == 0)
        {
            output.Out.WriteLine($"{location.Display} is up to date at schema version {report.VersionAfter}; nothing changed.");
            return ExitCodes.Ok;
        }
        var verb = report.Created ? "Created" : $"Migrated from schema version {report.VersionBefore} to {report.VersionAfter}:";
        output.Out.WriteLine(report.Created ? $"Created {location.Display} at schema version {report.VersionAfter}:" : $"{verb} {location.Display}");
        foreach (var migration in report.Applied)
            output.Out.WriteLine($"  applied V{migration.Version:000} {migration.Description}");
        return ExitCodes.Ok;
    }
}
