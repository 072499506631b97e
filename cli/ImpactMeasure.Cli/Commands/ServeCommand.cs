using System.CommandLine;
using ImpactMeasure.Cli.Service;
using ImpactMeasure.Warehouse;
using ImpactMeasure.Warehouse.Migrations;
using Microsoft.Extensions.Hosting;

namespace ImpactMeasure.Cli.Commands;

/// <summary><c>impact serve</c>: the scheduler service (drop-folder ingest and the monthly pack) until stopped.</summary>
public static class ServeCommand
{
    public static Command Create(CliOutput output)
    {
        var command = new Command("serve", "Run the scheduler: load files dropped into the drop folder, write the monthly pack on its day.") { };
        command.SetAction(async (parse, cancel) =>
        {
            var settings = ServeSettings.Load(CommonOptions.Configuration(parse));
            settings = settings.WithWarehouse(parse.GetValue(CommonOptions.Warehouse), Environment.GetEnvironmentVariable(WarehouseLocation.EnvironmentVariable));
            return await RunAsync(settings, output, cancel);
        });
        return command;
    }

    public static async Task<int> RunAsync(ServeSettings settings, CliOutput output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(output);
        await using (var warehouse = await ImpactMeasure.Warehouse.Warehouse.OpenAsync(WarehouseLocation.Resolve(settings.Warehouse), WarehouseAccess.ReadOnly, cancellationToken))
            await new Migrator(warehouse).RequireCurrentAsync();
        output.Out.WriteLine($"impact serve: watching {Path.GetFullPath(settings.DropFolder)}, packs to {Path.GetFullPath(settings.OutputFolder)}; ingest '{settings.IngestCron}', pack '{settings.PackCron}' (working day {settings.PackWorkingDay})");
        using var host = ServeHost.Build(settings);
        await host.RunAsync(cancellationToken);
        return ExitCodes.Ok;
    }
}
