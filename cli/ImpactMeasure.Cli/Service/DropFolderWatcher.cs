using Microsoft.Extensions.Hosting;
using Quartz;

namespace ImpactMeasure.Cli.Service;

/// <summary>Fires the ingest job as soon as a file lands in the drop folder, between its timetabled runs (the job
/// still waits for the file to be stable).</summary>
public sealed class DropFolderWatcher(ServeSettings settings, ISchedulerFactory schedulers) : IHostedService, IDisposable
{
    private FileSystemWatcher? _watcher;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(settings.DropFolder);
        _watcher = new FileSystemWatcher(settings.DropFolder) { IncludeSubdirectories = false, EnableRaisingEvents = true };
        _watcher.Created += async (_, _) => await TriggerAsync();
        _watcher.Renamed += async (_, _) => await TriggerAsync();
        return Task.CompletedTask;
    }

    private async Task TriggerAsync()
    {
        var scheduler = await schedulers.GetScheduler();
        if (await scheduler.GetStatus() == SchedulerStatus.Running)
            await scheduler.TriggerJob(DropFolderIngestJob.Key);
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        if (_watcher is not null)
            _watcher.EnableRaisingEvents = false;
        return Task.CompletedTask;
    }

    public void Dispose() => _watcher?.Dispose();
}
