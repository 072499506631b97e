using System.Globalization;
using ImpactMeasure.Reports;
using ImpactMeasure.Reports.Pack;
using ImpactMeasure.Warehouse;
using ImpactMeasure.Warehouse.Sql;
using Microsoft.Extensions.Logging;
using Quartz;

namespace ImpactMeasure.Cli.Service;

/// <summary>On the month's fifth working day (dim_date: no weekends, no bank holidays) writes the previous month's
/// pack and metric files to the output folder, unless too few practices have reported that month: then it skips,
/// saying why. Run with <see cref="ForceKey"/> to ignore the working-day rule.</summary>
[DisallowConcurrentExecution]
public sealed class MonthlyPackJob(ServeSettings settings, ServiceClock clock, ILogger<MonthlyPackJob> logger) : IJob
{
    public static readonly JobKey Key = new("monthly-pack");
    public const string ForceKey = "force";
    private readonly TimeProvider time = clock.Time;

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        // The scheduled fire time identifies a fire across clustered services.
        var fired = context.ScheduledFireTimeUtc ?? time.GetUtcNow();
        var location = WarehouseLocation.Resolve(settings.Warehouse);
        try
        {
            var today = DateOnly.FromDateTime(time.GetLocalNow().DateTime);
            var month = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
            var (outcome, message) = await RunAsync(location, today, month, context.MergedJobDataMap.ContainsKey(ForceKey), cancellationToken);
            logger.LogInformation("Monthly pack for {Month}: {Outcome}: {Message}", month.ToString("yyyy-MM", CultureInfo.InvariantCulture), outcome, message);
            if (outcome != "not due")
                await JobRuns.RecordAsync(location, Key.Name, fired, time.GetUtcNow(), outcome, message);
        }
        catch (Exception ex) when (ex is IOException or WarehouseException or System.Data.Common.DbException)
        {
            var retrying = await RetryPolicy.ScheduleRetryAsync(context, settings);
            logger.LogError(ex, "Monthly pack failed ({Retry})", retrying ? "will retry" : "giving up");
            if (!retrying)
                await JobRuns.RecordAsync(location, Key.Name, fired, time.GetUtcNow(), "failed", ex.Message);
        }
    }

    private async Task<(string Outcome, string Message)> RunAsync(WarehouseLocation location, DateOnly today, DateOnly month, bool force, CancellationToken cancellationToken)
    {
        await using var warehouse = await ImpactMeasure.Warehouse.Warehouse.OpenAsync(location, WarehouseAccess.ReadOnly, cancellationToken);
        if (!force && !await IsDueAsync(warehouse, today))
            return ("not due", $"today is not working day {settings.PackWorkingDay} of the month");
        if ((await MonthCoverage.OfAsync(warehouse, month, null)).Shortfall(settings.MinimumCoverage) is { } shortfall)
            return ("skipped", shortfall);
        var parameters = MethodParameters.Load(settings.Configuration);
        Directory.CreateDirectory(settings.OutputFolder);
        // A rerun for a month (forced, or after late data) sits beside the first release, never over it.
        var now = time.GetLocalNow();
        var pack = Commands.OutputGuard.Fresh(Path.Combine(settings.OutputFolder, MonthlyPack.FileName(null, month)), now);
        var metrics = Commands.OutputGuard.Fresh(Path.Combine(settings.OutputFolder, $"metrics-{month:yyyy-MM}"), now);
        // The pack and its metric files are one release: computed and protected once.
        var data = await new MonthlyPackBuilder(warehouse, parameters, time, PackSettings.Load(settings.Configuration)).BuildAsync(month, null);
        MonthlyPack.Write(pack, data);
        data.Metrics.WriteCsv(metrics);
        return ("succeeded", $"wrote {pack} and the metric files for {month:yyyy-MM} in {metrics}");
    }

    private async Task<bool> IsDueAsync(ImpactMeasure.Warehouse.Warehouse warehouse, DateOnly today)
    {
        await using var connection = await warehouse.OpenConnectionAsync();
        var day = (await connection.RowsAsync(CliSql.Read(CliSql.JobWorkingDay), today)).Single();
        return day[1] is true && Convert.ToInt64(day[0], CultureInfo.InvariantCulture) == settings.PackWorkingDay;
    }
}
