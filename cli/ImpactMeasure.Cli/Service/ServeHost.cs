using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ImpactMeasure.Warehouse;
using Npgsql;
using Quartz;
using Serilog;

namespace ImpactMeasure.Cli.Service;

/// <summary>The service host: a Generic Host running Quartz.NET with the drop-folder ingest job (cron and on file
/// arrival) and the monthly pack job (cron, fifth working day). Misfires: a missed ingest run is skipped (the next
/// run or the next file picks the files up); a missed pack run fires once at start-up. Shutdown (SIGTERM, Ctrl-C)
/// waits for a running job to finish; a service killed mid-load leaves nothing of the file (one transaction per
/// file) and the next fire loads it.</summary>
public static class ServeHost
{
    public const string SchedulerName = "impact";

    public static IHost Build(ServeSettings settings, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        // The service reads impact.json itself: no appsettings watchers (each costs an inotify instance).
        var configuration = new ConfigurationManager();
        configuration["hostBuilder:reloadConfigOnChange"] = "false";
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Configuration = configuration });
        builder.Services.AddSingleton(settings);
        // Structured logs: readable lines on the console, compact JSON in a file that rolls daily (31 kept).
        builder.Services.AddSerilog(log => log
            .MinimumLevel.Information()
            .MinimumLevel.Override("Quartz", Serilog.Events.LogEventLevel.Warning)
            .Enrich.FromLogContext()
            .WriteTo.Console()
            .WriteTo.File(new Serilog.Formatting.Compact.CompactJsonFormatter(), Path.Combine(settings.LogFolder, "impact-.log"),
                rollingInterval: RollingInterval.Day, retainedFileCountLimit: 31));
        builder.Services.AddSingleton(new ServiceClock(time ?? TimeProvider.System));
        builder.Services.AddQuartz(quartz =>
        {
            var location = WarehouseLocation.Resolve(settings.Warehouse);
            if (location.Engine == WarehouseEngine.Postgres)
            {
                // Several services on one PostgreSQL warehouse share Quartz's ADO.NET store in the quartz schema,
                // clustered, so each fire runs on exactly one of them.
                quartz.ConfigureScheduler(options =>
                {
                    options.InstanceName = SchedulerName;
                    options.GenerateInstanceId = true;
                });
                quartz.UsePersistentStore(store =>
                {
                    store.UsePostgres(new NpgsqlConnectionStringBuilder(location.ConnectionString) { SearchPath = "quartz" }.ConnectionString);
                    store.UseSystemTextJsonSerializer();
                    store.UseClustering(clustering =>
                    {
                        clustering.CheckinInterval = TimeSpan.FromSeconds(5);
                        clustering.CheckinMisfireThreshold = TimeSpan.FromSeconds(15);
                    });
                    store.ProvisionSchema();
                });
            }
            // Otherwise Quartz's RAM store: the embedded DuckDB warehouse has one writer process anyway.
            quartz.AddJob<DropFolderIngestJob>(job => job.WithIdentity(DropFolderIngestJob.Key).StoreDurably());
            // Named triggers: every clustered service schedules the same trigger, not one of its own.
            quartz.AddTrigger(trigger => trigger.WithIdentity("drop-folder-ingest-cron").ForJob(DropFolderIngestJob.Key)
                .WithCronSchedule(settings.IngestCron, cron => cron.WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing)));
            quartz.AddJob<MonthlyPackJob>(job => job.WithIdentity(MonthlyPackJob.Key).StoreDurably());
            quartz.AddTrigger(trigger => trigger.WithIdentity("monthly-pack-cron").ForJob(MonthlyPackJob.Key)
                .WithCronSchedule(settings.PackCron, cron => cron.WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
        });
        builder.Services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        builder.Services.AddHostedService<DropFolderWatcher>();
        return builder.Build();
    }
}
