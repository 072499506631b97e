using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;

namespace ImpactMeasure.Cli.Service;

/// <summary>The service host: a Generic Host running Quartz.NET with the drop-folder ingest job (cron and on file
/// arrival) and the monthly pack job (cron, fifth working day). Misfires: a missed ingest run is skipped (the next
/// run or the next file picks the files up); a missed pack run fires once at start-up. Shutdown (SIGTERM, Ctrl-C)
/// cancels a running load, which rolls back whole, and waits for the job to end.</summary>
public static class ServeHost
{
    public static IHost Build(ServeSettings settings, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton(time ?? TimeProvider.System);
        builder.Services.AddQuartz(quartz =>
        {
            // The job store is Quartz's RAM store: the embedded DuckDB warehouse has one writer process anyway.
            quartz.AddJob<DropFolderIngestJob>(job => job.WithIdentity(DropFolderIngestJob.Key).StoreDurably());
            quartz.AddTrigger(trigger => trigger.ForJob(DropFolderIngestJob.Key)
                .WithCronSchedule(settings.IngestCron, cron => cron.WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing)));
            quartz.AddJob<MonthlyPackJob>(job => job.WithIdentity(MonthlyPackJob.Key).StoreDurably());
            quartz.AddTrigger(trigger => trigger.ForJob(MonthlyPackJob.Key)
                .WithCronSchedule(settings.PackCron, cron => cron.WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
        });
        builder.Services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        builder.Services.AddHostedService<DropFolderWatcher>();
        return builder.Build();
    }
}
