using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using ImpactMeasure.Etl.Batches;
using ImpactMeasure.Etl.Formats;
using ImpactMeasure.Etl.Loading;
using ImpactMeasure.Etl.Parsing;
using ImpactMeasure.Etl.Reading;

namespace ImpactMeasure.Etl;

/// <summary>Loads extract files into the warehouse: plans the run (each file's format detected once, reference data
/// first) and gives each file one transaction — a failure anywhere leaves the warehouse as it was, the same bytes
/// twice is a no-op, a re-issue supersedes the earlier batch, bad rows are quarantined and too many of them reject
/// the file. What a format's rows mean is its loader's business (<c>Formats/</c>); the batch bookkeeping is
/// <see cref="LoadBatches"/>'s.</summary>
public sealed class Ingestor
{
    private readonly ImpactMeasure.Warehouse.Warehouse _warehouse;
    private readonly EtlOptions _options;
    private readonly IProgress<IngestProgress>? _progress;

    public Ingestor(ImpactMeasure.Warehouse.Warehouse warehouse, EtlOptions options, IProgress<IngestProgress>? progress = null)
    {
        _warehouse = warehouse;
        _options = options;
        _progress = progress;
    }

    /// <summary>Loads files (folders are searched for .csv and .xlsx), reference data first.</summary>
    public Task<IReadOnlyList<FileLoadResult>> IngestAsync(IEnumerable<string> paths, CancellationToken cancellationToken = default) =>
        IngestAsync(paths, null, cancellationToken);

    /// <summary>Loads files as <see cref="IngestAsync(IEnumerable{string}, CancellationToken)"/> does; <paramref name="settled"/>
    /// hears each file's path and outcome as soon as it is known (the drop folder moves it then).</summary>
    public async Task<IReadOnlyList<FileLoadResult>> IngestAsync(IEnumerable<string> paths, Action<string, FileLoadResult>? settled,
        CancellationToken cancellationToken = default)
    {
        await RepairUnfinishedAsync(cancellationToken);
        var results = new List<FileLoadResult>();
        foreach (var file in PlannedFile.Plan(paths))
        {
            var result = await IngestAsync(file, cancellationToken);
            results.Add(result);
            settled?.Invoke(file.Path, result);
        }
        if (results.Any(r => r.Status == LoadStatus.Loaded))
        {
            await using var connection = await _warehouse.OpenConnectionAsync(cancellationToken);
            await _warehouse.RefreshStatisticsAsync(connection);
        }
        return results;
    }

    /// <summary>Rows removed before this run because a load cut off inside its commit left them (see repair_unfinished.sql).</summary>
    public long RepairedRows { get; private set; }

    private async Task RepairUnfinishedAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _warehouse.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await _warehouse.BeginLoadAsync(connection);
        RepairedRows = await Batches(connection).RepairUnfinishedAsync();
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Files in load order: practice reference data, list sizes, GPAD, then the local extracts; by name within.</summary>
    public static IReadOnlyList<string> Plan(IEnumerable<string> paths) => PlannedFile.Plan(paths).Select(f => f.Path).ToList();

    public Task<FileLoadResult> IngestFileAsync(string path, CancellationToken cancellationToken = default) =>
        IngestAsync(PlannedFile.Detect(path), cancellationToken);

    private async Task<FileLoadResult> IngestAsync(PlannedFile file, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var path = file.Path;
        var name = Path.GetFileName(path);
        if (!File.Exists(path))
            return new FileLoadResult(name, LoadStatus.Failed) { Message = $"{path}: file not found" };
        await using var connection = await _warehouse.OpenConnectionAsync(cancellationToken);
        try
        {
            var size = new FileInfo(path).Length;
            if (size == 0)
                return await RecordRejectedAsync(connection, path, null, new LoadCounters(), null, $"{name}:1: the file is empty: expected a header line", clock);
            if (await Batches(connection).AlreadyLoadedAsync(path, size) is { } batch)
                return AlreadyLoaded(name, batch, clock);
            try
            {
                return await LoadAsync(connection, file, size, clock, cancellationToken);
            }
            finally
            {
                // The streaming cap holds until the file's transaction has committed or rolled back (a commit of
                // millions of rows would otherwise buffer them); set-based SQL afterwards gets room again.
                await _warehouse.SetMemoryBudgetAsync(connection, streaming: false);
            }
        }
        catch (ExtractRejectedException ex)
        {
            // Found part-way through (a damaged XLSX cell, bytes of another encoding): the transaction has rolled back.
            return await RecordRejectedAsync(connection, path, null, new LoadCounters(), null, ex.Message, clock);
        }
        catch (IOException ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return new FileLoadResult(name, LoadStatus.Failed) { Message = $"{name} disappeared while it was being read: nothing was loaded", Elapsed = clock.Elapsed };
        }
        catch (IOException ex)
        {
            return new FileLoadResult(name, LoadStatus.Failed) { Message = ex.Message, Elapsed = clock.Elapsed };
        }
        catch (DbException ex)
        {
            return new FileLoadResult(name, LoadStatus.Failed)
            {
                Message = $"{name}: the warehouse reported an error, so nothing of this file was loaded: {ex.Message.ReplaceLineEndings(" ")}",
                Elapsed = clock.Elapsed,
            };
        }
        catch (Exception ex) when (ex is not (OperationCanceledException or OutOfMemoryException))
        {
            // Whatever goes wrong with one file is that file's outcome: the others of the run still load.
            return new FileLoadResult(name, LoadStatus.Failed)
            {
                Message = $"{name}: could not be loaded ({ex.GetType().Name}: {ex.Message.ReplaceLineEndings(" ")}): nothing of this file was loaded; please report it",
                Elapsed = clock.Elapsed,
            };
        }
    }

    // One file, one transaction: start the batch, let the format's loader stream and transform its rows, supersede
    // what it re-issues, finish the batch — or roll it all back.
    private async Task<FileLoadResult> LoadAsync(DbConnection connection, PlannedFile file, long size, Stopwatch clock, CancellationToken cancellationToken)
    {
        var path = file.Path;
        var name = Path.GetFileName(path);
        var writtenAt = File.GetLastWriteTimeUtc(path);
        var counters = new LoadCounters();
        using var quarantine = new Quarantine();
        IRowSource? opened = null;
        ColumnMap map;
        try
        {
            opened = RowSources.Open(path);
            map = file.Map is { } planned && planned.Header.SequenceEqual(opened.Header, StringComparer.Ordinal)
                ? planned
                : FormatDetector.Detect(opened.Header, name);
            RequireKeyForNhsNumbers(map, name);
        }
        catch (ExtractRejectedException ex)
        {
            opened?.Dispose();
            return await RecordRejectedAsync(connection, path, null, counters, null, ex.Message, clock);
        }
        using var source = opened;
        var loader = map.Format.Loader();
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await _warehouse.BeginLoadAsync(connection);
        var batches = Batches(connection);
        // Asked again under the load lock: another ingest of the same file may have committed while this one waited.
        if (await batches.AlreadyLoadedAsync(path, size) is { } loaded)
        {
            await transaction.RollbackAsync(cancellationToken);
            return AlreadyLoaded(name, loaded, clock);
        }
        var batchId = await batches.StartAsync(name, map.Format.Id, size, map.ExtraColumns);
        var context = new LoadContext
        {
            Warehouse = _warehouse, Connection = connection, BatchId = batchId, FilePath = path, Rows = source, Map = map,
            Quarantine = quarantine, Counters = counters, Options = _options, Vocabulary = await GpadVocabulary.LoadAsync(connection),
            Progress = _progress, Cancellation = cancellationToken,
        };
        await _warehouse.SetMemoryBudgetAsync(connection, loader.StreamsOnly);
        await loader.LoadAsync(context);
        if (new FileInfo(path).Length != size || File.GetLastWriteTimeUtc(path) != writtenAt)
            throw new IOException($"{name} changed while it was being read: nothing was loaded; load it again once it is complete");
        var sha = source.Sha256Hex();
        if (counters.RowsQuarantined > _options.MaxBadRowShare * counters.RowsRead)
        {
            await transaction.RollbackAsync(cancellationToken);
            var share = (double)counters.RowsQuarantined / counters.RowsRead;
            return await RecordRejectedAsync(connection, path, sha, counters, map.Format.Id,
                string.Create(CultureInfo.InvariantCulture, $"{name}: {counters.RowsQuarantined:N0} of {counters.RowsRead:N0} rows are bad ({share * 100:0.0}%), more than the {_options.MaxBadRowShare * 100:0.##}% allowed: the whole file is rejected"),
                clock, quarantine);
        }
        await quarantine.WriteAsync(_warehouse, connection, batchId);
        var superseded = await new Supersession(_warehouse, connection).SupersedeAsync(loader, map.Format.Id, batchId, counters);
        // A header with no rows is a month with nothing to report: recorded, nothing loaded, said in the report.
        var message = counters.RowsRead == 0 ? $"{name}:2: the file has a header but no data rows: nothing to load" : null;
        foreach (var note in new[] { superseded.Note, LoadNotes.Practices(counters), LoadNotes.Vocabulary(counters, _options) }.OfType<string>())
            message = message is null ? $"{name}: {note}" : $"{message}; {note}";
        await batches.FinishAsync(batchId, new FinishedBatch(counters, sha, source.TextEncoding, superseded.Scope, superseded.Rows, message, clock.Elapsed));
        await transaction.CommitAsync(cancellationToken);
        return Result(name, counters.RowsRead == 0 ? LoadStatus.NoRows : LoadStatus.Loaded, map.Format.Id, batchId, counters, quarantine, clock) with
        {
            RowsSuperseded = superseded.Rows,
            ExtraColumns = map.ExtraColumns,
            Message = message,
            Encoding = source.TextEncoding,
        };
    }

    private void RequireKeyForNhsNumbers(ColumnMap map, string name)
    {
        if (map.Has("nhs_number") && _options.Pseudonymiser is null)
        {
            throw new ExtractRejectedException(name, 1, "nhs_number", _options.KeyProblem is { } problem
                ? $"the file holds NHS numbers and {problem}: set {Privacy.Pseudonymiser.KeyVariable} to a key of at least {Privacy.Pseudonymiser.MinimumKeyLength} characters (never commit it) and load the file again"
                : $"the file holds NHS numbers and no pseudonymisation key is configured: set {Privacy.Pseudonymiser.KeyVariable} (never commit it) and load the file again");
        }
    }

    private async Task<FileLoadResult> RecordRejectedAsync(DbConnection connection, string path, string? sha, LoadCounters counters, string? format,
        string message, Stopwatch clock, Quarantine? quarantine = null)
    {
        var name = Path.GetFileName(path);
        message = SafeText.Of(message);
        await using var transaction = await connection.BeginTransactionAsync();
        var batchId = await Batches(connection).RejectAsync(
            new RejectedBatch(name, sha, format, counters, message, File.Exists(path) ? new FileInfo(path).Length : 0L, clock.Elapsed));
        if (quarantine is not null)
            await quarantine.WriteAsync(_warehouse, connection, batchId);
        await transaction.CommitAsync();
        return Result(name, LoadStatus.Rejected, format, batchId, counters, quarantine, clock) with { RowsLoaded = 0, Message = message };
    }

    private LoadBatches Batches(DbConnection connection) => new(connection, _options.Time);

    private static FileLoadResult AlreadyLoaded(string name, long batch, Stopwatch clock) =>
        new(name, LoadStatus.AlreadyLoaded) { BatchId = batch, Message = $"already loaded as batch {batch}", Elapsed = clock.Elapsed };

    private static FileLoadResult Result(string name, LoadStatus status, string? format, long batchId, LoadCounters counters, Quarantine? quarantine, Stopwatch clock) =>
        new(name, status)
        {
            Format = format,
            BatchId = batchId,
            RowsRead = counters.RowsRead,
            RowsLoaded = counters.RowsLoaded,
            RowsQuarantined = counters.RowsQuarantined,
            RowsUnknown = counters.RowsUnknown,
            RowsUpdated = counters.RowsUpdated,
            FirstProblems = quarantine?.First.Select(q => $"{name}:{q.LineNumber}: {q.Reason}").ToList() ?? [],
            UnknownCodes = counters.UnknownCodes.ToList(),
            Elapsed = clock.Elapsed,
        };
}
