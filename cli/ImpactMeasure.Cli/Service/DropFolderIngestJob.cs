using System.Collections.Concurrent;
using ImpactMeasure.Etl;
using ImpactMeasure.Warehouse;
using Microsoft.Extensions.Logging;
using Quartz;

namespace ImpactMeasure.Cli.Service;

/// <summary>Loads files dropped into the drop folder once they are stable (size and time unchanged across two
/// looks, and no process holding them open for writing), each on its own: a file is moved to processed/ or
/// rejected/ (with a .reason.txt) as soon as its outcome is known, whatever happens to the others. A file that fails
/// (not rejected: something went wrong loading it) stays for the retry, and after as many attempts as retries allow
/// goes to rejected/ too. Symbolic links are never followed: the link itself goes to rejected/. A failure outside
/// the files (the warehouse unreachable) leaves them all in place for the retry.</summary>
[DisallowConcurrentExecution]
public sealed class DropFolderIngestJob(ServeSettings settings, ILogger<DropFolderIngestJob> logger) : IJob
{
    public static readonly JobKey Key = new("drop-folder-ingest");

    // Failed attempts per file version (path, size, time), across fires: Quartz makes a job instance per fire.
    private static readonly ConcurrentDictionary<(string Path, long Length, DateTime Written), int> FailedAttempts = new();

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var fired = context.ScheduledFireTimeUtc ?? DateTimeOffset.UtcNow;
        var location = WarehouseLocation.Resolve(settings.Warehouse);
        try
        {
            RejectLinks();
            var files = await StableFilesAsync(cancellationToken);
            if (files.Count == 0)
                return;
            var results = new List<FileLoadResult>();
            var failures = new List<string>();
            await using (var warehouse = await ImpactMeasure.Warehouse.Warehouse.OpenAsync(location, WarehouseAccess.ReadWrite, cancellationToken))
            {
                var options = EtlSettings.Load(settings.Configuration).Options();
                if (int.TryParse(Environment.GetEnvironmentVariable(Commands.IngestCommand.ProgressEveryVariable), System.Globalization.CultureInfo.InvariantCulture, out var every) && every > 0)
                    options = options with { ProgressEveryRows = every };
                var progress = new Progress(p => logger.LogInformation("Loading {File}: {Rows} rows", p.FileName, p.RowsRead));
                results.AddRange(await new Ingestor(warehouse, options, progress).IngestAsync(files, (file, result) =>
                {
                    if (Settle(file, result) is { } failure)
                        failures.Add(failure);
                }, cancellationToken));
            }
            var summary = string.Join("; ", results.Select(r => $"{r.File}: {r.Status} ({r.RowsLoaded:N0} rows)"));
            logger.LogInformation("Ingested {Count} file(s): {Summary}", results.Count, summary);
            if (failures.Count > 0)
                throw new IOException(string.Join("; ", failures));
            await JobRuns.RecordAsync(location, Key.Name, fired, DateTimeOffset.UtcNow, results.Any(r => r.Status == LoadStatus.Rejected) ? "rejected" : "succeeded", summary);
        }
        catch (Exception ex) when (ex is IOException or WarehouseException or System.Data.Common.DbException)
        {
            var retrying = await RetryPolicy.ScheduleRetryAsync(context, settings);
            logger.LogError(ex, "Ingest failed ({Retry})", retrying ? "will retry" : "giving up");
            if (!retrying)
                await JobRuns.RecordAsync(location, Key.Name, fired, DateTimeOffset.UtcNow, "failed", ex.Message);
        }
    }

    /// <summary>Moves a file by its outcome; the failure to report, if any (a failed load, or a move that failed).</summary>
    private string? Settle(string file, FileLoadResult result)
    {
        try
        {
            if (result.Status != LoadStatus.Failed)
            {
                Move(file, result.Status == LoadStatus.Rejected, [result.Message ?? "rejected", .. result.FirstProblems]);
                return null;
            }
            var version = (file, new FileInfo(file).Length, File.GetLastWriteTimeUtc(file));
            var attempts = FailedAttempts.AddOrUpdate(version, 1, (_, n) => n + 1);
            if (attempts > settings.Retries)
            {
                FailedAttempts.TryRemove(version, out _);
                Move(file, rejected: true, [$"failed {attempts} times, so it was set aside: {result.Message}"]);
            }
            return result.Message ?? $"{result.File} failed";
        }
        catch (IOException ex)
        {
            return $"{result.File}: loaded as {result.Status} but could not be moved out of the drop folder: {ex.Message}";
        }
    }

    private sealed class Progress(Action<IngestProgress> report) : IProgress<IngestProgress>
    {
        public void Report(IngestProgress value) => report(value);
    }

    private async Task<List<string>> StableFilesAsync(CancellationToken cancellationToken)
    {
        if (!Directory.Exists(settings.DropFolder))
            return [];
        var first = Snapshot();
        await Task.Delay(TimeSpan.FromSeconds(settings.StableSeconds), cancellationToken);
        var second = Snapshot();
        return second.Where(s => first.TryGetValue(s.Key, out var before) && before == s.Value && !FileWriters.AnyWriter(s.Key))
            .Select(s => s.Key).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Drop-folder entries that are symbolic links go to rejected/ as links, their targets never read.</summary>
    private void RejectLinks()
    {
        if (!Directory.Exists(settings.DropFolder))
            return;
        foreach (var link in Directory.EnumerateFiles(settings.DropFolder).Where(f => new FileInfo(f).LinkTarget is not null).ToList())
        {
            logger.LogWarning("{File} is a symbolic link: set aside unread", Path.GetFileName(link));
            Move(link, rejected: true, ["a symbolic link: the drop folder takes files, not links (nothing was read from its target)"]);
        }
    }

    private Dictionary<string, (long Length, DateTime Written)> Snapshot() =>
        Directory.EnumerateFiles(settings.DropFolder)
            .Where(f => f.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
            .Where(f => new FileInfo(f).LinkTarget is null)
            .ToDictionary(f => f, f => (new FileInfo(f).Length, File.GetLastWriteTimeUtc(f)), StringComparer.Ordinal);

    private void Move(string file, bool rejected, IEnumerable<string> reason)
    {
        var folder = Path.Combine(settings.DropFolder, rejected ? "rejected" : "processed");
        Directory.CreateDirectory(folder);
        var target = Path.Combine(folder, Path.GetFileName(file));
        File.Move(file, target, overwrite: true);
        if (rejected)
            File.WriteAllLines(target + ".reason.txt", reason);
    }
}
