using System.CommandLine;
using System.Globalization;
using ImpactMeasure.Cli.Service;
using ImpactMeasure.Warehouse;
using ImpactMeasure.Warehouse.Sql;
using Quartz;
using Spectre.Console;

namespace ImpactMeasure.Cli.Commands;

/// <summary><c>impact status</c>: the service's next fire times and its last runs with their outcomes.</summary>
public static class StatusCommand
{
    public static Command Create(CliOutput output)
    {
        var command = new Command("status", "Show when the scheduler's jobs fire next and how their last runs ended.") { };
        command.SetAction(async (parse, cancel) =>
        {
            var settings = ServeSettings.Load(CommonOptions.Configuration(parse));
            settings = settings.WithWarehouse(parse.GetValue(CommonOptions.Warehouse), Environment.GetEnvironmentVariable(WarehouseLocation.EnvironmentVariable));
            return await RunAsync(settings, output, TimeProvider.System);
        });
        return command;
    }

    public static async Task<int> RunAsync(ServeSettings settings, CliOutput output, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(time);
        var now = time.GetUtcNow();
        var next = new Table().Border(TableBorder.Simple).AddColumns("job", "schedule", "next fire (UTC)");
        next.AddRow(DropFolderIngestJob.Key.Name, settings.IngestCron, Next(settings.IngestCron, now) + " (and whenever a file arrives)");
        next.AddRow(MonthlyPackJob.Key.Name, settings.PackCron, Next(settings.PackCron, now) + $" (runs on working day {settings.PackWorkingDay})");
        output.Console.Write(next);
        await using var warehouse = await ImpactMeasure.Warehouse.Warehouse.OpenAsync(WarehouseLocation.Resolve(settings.Warehouse), WarehouseAccess.ReadOnly);
        await using var connection = await warehouse.OpenConnectionAsync();
        var runs = await connection.RowsAsync(CliSql.Read(CliSql.JobRunsLatest));
        var table = new Table().Border(TableBorder.Simple).AddColumns("job", "fired (UTC)", "outcome", "message");
        foreach (var run in runs)
            table.AddRow(Markup.Escape((string)run[0]!), IsoTime(run[1]), Markup.Escape((string)run[3]!), Markup.Escape((string?)run[4] ?? ""));
        output.Out.WriteLine(runs.Count == 0 ? "No job has run yet." : "Last runs:");
        if (runs.Count > 0)
            output.Console.Write(table);
        return ExitCodes.Ok;
    }

    // ISO dates everywhere: the invariant culture would print month first.
    private static string IsoTime(object? value) => value switch
    {
        DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        DateTimeOffset t => t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    private static string Next(string cron, DateTimeOffset now) =>
        new CronExpression(cron).GetNextValidTimeAfter(now)?.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) ?? "never";
}
