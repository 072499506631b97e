using Quartz;

namespace ImpactMeasure.Cli.Service;

/// <summary>A failed run is retried with exponential backoff up to the configured count (a one-off trigger for the
/// same job), then recorded as failed for impact status.</summary>
public static class RetryPolicy
{
    public const string AttemptKey = "attempt";

    public static async Task<bool> ScheduleRetryAsync(IJobExecutionContext context, ServeSettings settings)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(settings);
        var attempt = context.MergedJobDataMap.TryGetValue(AttemptKey, out var value) ? Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture) : 0;
        if (attempt >= settings.Retries)
            return false;
        var delay = TimeSpan.FromSeconds(settings.RetryBackoffSeconds * Math.Pow(2, attempt));
        var retry = TriggerBuilder.Create()
            .ForJob(context.JobDetail.Key)
            .UsingJobData(AttemptKey, attempt + 1)
            .StartAt(DateTimeOffset.UtcNow + delay)
            .Build();
        await context.Scheduler.ScheduleJob(retry);
        return true;
    }
}
