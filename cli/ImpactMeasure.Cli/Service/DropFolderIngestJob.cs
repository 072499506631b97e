using ImpactMeasure.Etl;
using ImpactMeasure.Etl.Privacy;
using ImpactMeasure.Warehouse;
using Microsoft.Extensions.Logging;
using Quartz;

namespace ImpactMeasure.Cli.Service;

/// <summary>Loads files dropped into the drop folder once they are stable (size and time unchanged across two
/// looks, and not open for writing), then moves each to processed/ or rejected/ (with a .reason.txt). Files are
/// never read while still being copied; a failure outside the files leaves them in place for the retry.</summary>
[DisallowConcurrentExecution]
public sealed class DropFolderIngestJob(ServeSettings settings, ILogger<DropFolderIngestJob> logger) : IJob
{
    public static readonly JobKey Key = new("drop-folder-ingest");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var fired = context.ScheduledFireTimeUtc ?? DateTimeOffset.UtcNow;
        var location = WarehouseLocation.Resolve(settings.Warehouse);
        try
        {
            var files = await StableFilesAsync(cancellationToken);
            if (files.Count == 0)
                return;
            IReadOnlyList<FileLoadResult> results;
            await using (var warehouse = await ImpactMeasure.Warehouse.Warehouse.OpenAsync(location, WarehouseAccess.ReadWrite, cancellationToken))
            {
                var etl = EtlSettings.Load(settings.ConfigFile);
                var options = etl.Options();
                if (int.TryParse(Environment.GetEnvironmentVariable(Commands.IngestCommand.ProgressEveryVariable), System.Globalization.CultureInfo.InvariantCulture, out var every) && every > 0)
                    options = options with { ProgressEveryRows = every };
                var progress = new Progress(p => logger.LogInformation("Loading {File}: {Rows} rows", p.FileName, p.RowsRead));
                results = await new Ingestor(warehouse, options, progress).IngestAsync(files, cancellationToken);
            }
            if (results.Any(r => r.Status == LoadStatus.Failed))
                throw new IOException(string.Join("; ", results.Where(r => r.Status == LoadStatus.Failed).Select(r => r.Message)));
            foreach (var result in results)
                Move(files.First(f => Path.GetFileName(f) == result.File), result);
            var summary = string.Join("; ", results.Select(r => $"{r.File}: {r.Status} ({r.RowsLoaded:N0} rows)"));
            logger.LogInformation("Ingested {Count} file(s): {Summary}", results.Count, summary);
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
        return second.Where(s => first.TryGetValue(s.Key, out var before) && before == s.Value && !IsOpenForWriting(s.Key))
            .Select(s => s.Key).Order(StringComparer.Ordinal).ToList();
    }

    private Dictionary<string, (long Length, DateTime Written)> Snapshot() =>
        Directory.EnumerateFiles(settings.DropFolder)
            .Where(f => f.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
            .ToDictionary(f => f, f => (new FileInfo(f).Length, File.GetLastWriteTimeUtc(f)), StringComparer.Ordinal);

    private static bool IsOpenForWriting(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
            return false;
        }
        catch (IOException)
        {
            return true;
        }
    }

    private void Move(string file, FileLoadResult result)
    {
        var rejected = result.Status == LoadStatus.Rejected;
        var folder = Path.Combine(settings.DropFolder, rejected ? "rejected" : "processed");
        Directory.CreateDirectory(folder);
        var target = Path.Combine(folder, Path.GetFileName(file));
        File.Move(file, target, overwrite: true);
        if (rejected)
            File.WriteAllLines(target + ".reason.txt", [result.Message ?? "rejected", .. result.FirstProblems]);
    }
}
