using System.CommandLine;
using ImpactMeasure.Warehouse;
using ImpactMeasure.Warehouse.Engines;
using ImpactMeasure.Warehouse.Migrations;

namespace ImpactMeasure.Cli.Commands;

/// <summary><c>impact init</c>: creates the warehouse or migrates it to the newest schema, and says what it did.</summary>
public static class InitCommand
{
    public static Command Create(CliOutput output)
    {
        var citus = new Option<bool>("--citus") { Description = "On a Citus coordinator: distribute the facts over its workers by practice, dimensions as reference tables" };
        var command = new Command("init", "Create the warehouse, or migrate it to this program's schema version.") { citus };
        command.SetAction((parse, cancel) => RunAsync(WarehouseLocation.Resolve(parse.GetValue(CommonOptions.Warehouse)), output, cancel, parse.GetValue(citus)));
        return command;
    }

    public static async Task<int> RunAsync(WarehouseLocation location, CliOutput output, CancellationToken cancellationToken, bool citus = false)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(location);
        if (citus && location.Engine != WarehouseEngine.Postgres)
            return output.Usage("--citus needs a PostgreSQL URI to a Citus coordinator (postgres://user@host:port/db)");
        await using var warehouse = await ImpactMeasure.Warehouse.Warehouse.OpenAsync(location, WarehouseAccess.Create, cancellationToken);
        var report = await new Migrator(warehouse).MigrateAsync();
        if (citus)
        {
            await using var connection = await warehouse.OpenConnectionAsync(cancellationToken);
            var (distributed, problem) = await CitusDistribution.DistributeAsync(connection);
            if (problem is not null)
                return output.Fail($"{location.Display}: {problem}");
            output.Out.WriteLine(distributed
                ? $"Distributed {location.Display} over its Citus workers: facts by practice_key (co-located), dimensions as reference tables."
                : $"{location.Display} is already distributed over its Citus workers.");
        }
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
