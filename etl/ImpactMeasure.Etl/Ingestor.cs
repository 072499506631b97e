using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ImpactMeasure.Etl.Formats;
using ImpactMeasure.Etl.Loading;
using ImpactMeasure.Etl.Parsing;
using ImpactMeasure.Etl.Reading;
using ImpactMeasure.Warehouse.Sql;

namespace ImpactMeasure.Etl;

/// <summary>Loads extract files into the warehouse: one transaction per file (a failure anywhere leaves the
/// warehouse as it was), the same bytes twice is a no-op, a re-issue of the same period and practices supersedes
/// the earlier batch, bad rows are quarantined and too many of them reject the file.</summary>
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
        foreach (var path in Plan(paths))
        {
            var result = await IngestFileAsync(path, cancellationToken);
            results.Add(result);
            settled?.Invoke(path, result);
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
        await _warehouse.LockLoadsAsync(connection);
        RepairedRows = (await connection.ExecuteScriptAsync(MartScripts.Read(MartScripts.RepairUnfinished))).Sum();
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Files in load order: practice reference data, list sizes, GPAD, then the local extracts; by name within.</summary>
    public static IReadOnlyList<string> Plan(IEnumerable<string> paths) =>
        paths.SelectMany(p => Directory.Exists(p)
                ? Directory.EnumerateFiles(p, "*", SearchOption.AllDirectories)
                    .Where(f => f.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || RowSources.IsXlsx(f))
                : [p])
            .Select(p => (Path: p, Order: LoadOrderOf(p)))
            .OrderBy(p => p.Order)
            .ThenBy(p => Path.GetFileName(p.Path), StringComparer.Ordinal)
            .Select(p => p.Path)
            .ToList();

    private static int LoadOrderOf(string path)
    {
        try
        {
            using var source = RowSources.Open(path);
            return FormatDetector.Detect(source.Header, path).Format.LoadOrder;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return int.MaxValue; // loaded last, and rejected then with its reason
        }
    }

    public async Task<FileLoadResult> IngestFileAsync(string path, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var name = Path.GetFileName(path);
        if (!File.Exists(path))
            return new FileLoadResult(name, LoadStatus.Failed) { Message = $"{path}: file not found" };
        await using var connection = await _warehouse.OpenConnectionAsync(cancellationToken);
        try
        {
            var size = new FileInfo(path).Length;
            if (size == 0)
                return await RecordRejectedAsync(connection, path, null, new LoadCounters(), null, $"{name}:1: the file is empty: expected a header line", clock);
            if (await AlreadyLoadedAsync(connection, path, size) is { } batch)
                return new FileLoadResult(name, LoadStatus.AlreadyLoaded) { BatchId = batch, Message = $"already loaded as batch {batch}", Elapsed = clock.Elapsed };
            return await LoadWithinBudgetAsync(connection, path, size, clock, cancellationToken);
        }
        catch (ExtractRejectedException ex)
        {
            // Found part-way through (a damaged XLSX cell): the file's transaction has rolled back.
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

    private async Task<FileLoadResult> LoadWithinBudgetAsync(DbConnection connection, string path, long size, Stopwatch clock,
        CancellationToken cancellationToken)
    {
        try
        {
            return await LoadAsync(connection, path, size, clock, cancellationToken);
        }
        finally
        {
            // The streaming cap holds until the file's transaction has committed or rolled back (a commit of
            // millions of rows would otherwise buffer them); set-based SQL afterwards gets room again.
            await _warehouse.SetMemoryBudgetAsync(connection, streaming: false);
        }
    }

    private async Task<FileLoadResult> LoadAsync(DbConnection connection, string path, long size, Stopwatch clock, CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(path);
        var writtenAt = File.GetLastWriteTimeUtc(path);
        var counters = new LoadCounters();
        using var quarantine = new Quarantine();
        IRowSource? opened = null;
        ColumnMap map;
        try
        {
            opened = RowSources.Open(path);
            map = FormatDetector.Detect(opened.Header, name);
            RequireKeyForNhsNumbers(map, name);
        }
        catch (ExtractRejectedException ex)
        {
            opened?.Dispose();
            return await RecordRejectedAsync(connection, path, null, counters, null, ex.Message, clock);
        }
        using var source = opened;
        var loader = FormatLoaders.For(map.Format.Id);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await _warehouse.LockLoadsAsync(connection);
        // Asked again under the load lock: another ingest of the same file may have committed while this one waited.
        if (await AlreadyLoadedAsync(connection, path, size) is { } loaded)
        {
            await transaction.RollbackAsync(cancellationToken);
            return new FileLoadResult(name, LoadStatus.AlreadyLoaded) { BatchId = loaded, Message = $"already loaded as batch {loaded}", Elapsed = clock.Elapsed };
        }
        var batchId = await connection.ScalarAsync<long>(MartScripts.Statement(MartScripts.BatchNextId));
        await connection.ExecuteAsync(MartScripts.Statement(MartScripts.BatchStart),
            batchId, name, map.Format.Id, Now(), size, string.Join(",", map.ExtraColumns));
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
        // A header with no rows is a month with nothing to report: recorded, nothing loaded, said in the report.
        var message = counters.RowsRead == 0 ? $"{name}:2: the file has a header but no data rows: nothing to load" : null;
        if (counters.RowsQuarantined > _options.MaxBadRowShare * counters.RowsRead)
        {
            await transaction.RollbackAsync(cancellationToken);
            var share = (double)counters.RowsQuarantined / counters.RowsRead;
            return await RecordRejectedAsync(connection, path, sha, counters, map.Format.Id,
                string.Create(CultureInfo.InvariantCulture, $"{name}: {counters.RowsQuarantined:N0} of {counters.RowsRead:N0} rows are bad ({share * 100:0.0}%), more than the {_options.MaxBadRowShare * 100:0.##}% allowed: the whole file is rejected"),
                clock, quarantine);
        }
        await quarantine.WriteAsync(_warehouse, connection, batchId);
        var superseded = loader.SupersedeScript is { } grain ? await SupersedeByGrainAsync(connection, grain, map.Format.Id, batchId, counters, loader.StreamsOnly)
            : loader.Supersedes ? await SupersedeAsync(connection, map.Format.Id, counters, batchId) : (Scope: null, Rows: 0L, Note: null);
        foreach (var note in new[] { superseded.Note, PracticeNote(counters), VocabularyNote(counters, _options) }.OfType<string>())
            message = message is null ? $"{name}: {note}" : $"{message}; {note}";
        foreach (var ((column, value, code), rows) in counters.Mapped)
            await connection.ExecuteAsync(MartScripts.Statement(MartScripts.BatchVocabularyUse), batchId, column, value, code, rows);
        await connection.ExecuteScriptAsync(MartScripts.Read(MartScripts.ClearLanding), batchId);
        await connection.ExecuteAsync(MartScripts.Statement(MartScripts.BatchFinish),
            batchId, sha, counters.RowsRead, counters.RowsLoaded, counters.RowsQuarantined, counters.RowsUnknown, superseded.Rows,
            counters.RowsUpdated, counters.PeriodStart, counters.PeriodEnd, superseded.Scope, Now(), (long)clock.Elapsed.TotalMilliseconds, message,
            source.TextEncoding);
        await transaction.CommitAsync(cancellationToken);
        return Result(name, counters.RowsRead == 0 ? LoadStatus.NoRows : LoadStatus.Loaded, map.Format.Id, batchId, counters, quarantine, clock) with
        {
            RowsSuperseded = superseded.Rows,
            ExtraColumns = map.ExtraColumns,
            Message = message,
            Encoding = source.TextEncoding,
        };
    }

    // The supplier's values a vocabulary map coded (kept per value in etl_vocabulary_use).
    private static string? VocabularyNote(LoadCounters counters, EtlOptions options) => counters.Mapped.Count == 0 ? null
        : $"mapped by {options.Vocabulary.Source}: " + string.Join(", ", counters.Mapped.GroupBy(m => m.Key.Column).Select(g =>
            $"{g.Key} " + string.Join(", ", g.Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.Key.Value} → {m.Key.Code} ({m.Value:N0} rows)")))));

    // Practices inferred from this file, or inferred earlier and completed by this map (stored with the batch).
    private static string? PracticeNote(LoadCounters counters)
    {
        var notes = new List<string>();
        if (counters.PracticesInferred > 0)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"{counters.PracticesInferred:N0} practices in no practice map were inferred from the file")
                + (counters.PracticesInferredCodeOnly == 0 ? " (name, PCN and sub-ICB as the file gives them)"
                    : string.Create(CultureInfo.InvariantCulture, $", {counters.PracticesInferredCodeOnly:N0} known only by code: their rows count as unplaced until a practice map names them")));
        }
        if (counters.PracticesPlaced > 0)
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"{counters.PracticesPlaced:N0} practices inferred from earlier extracts were completed by this map, with every row loaded for them"));
        return notes.Count == 0 ? null : string.Join("; ", notes);
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

    private static async Task<long?> AlreadyLoadedAsync(DbConnection connection, string path, long size)
    {
        // Hash first only when a loaded file of the same size exists: otherwise the load hashes as it reads.
        if (await connection.ScalarAsync<long>(MartScripts.Statement(MartScripts.BatchLoadedWithSize), size) == 0)
            return null;
        string sha;
        await using (var stream = File.OpenRead(path))
            sha = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream));
        return await connection.ScalarAsync<long?>(MartScripts.Statement(MartScripts.BatchLoadedWithSha), sha, Path.GetFileName(path));
    }

    // Replaces what earlier batches loaded for each practice × month this one holds; says which batches it replaced
    // only in part (their other practices stay), so a partial re-issue is never mistaken for the whole month.
    // Most loads overlap no earlier batch: the set-based script is skipped then. When it runs, it gets the working
    // memory (the streaming cap would starve its joins over the fact table), and the cap is back for the commit.
    private async Task<(string? Scope, long Rows, string? Note)> SupersedeByGrainAsync(DbConnection connection, string script, string format, long batchId,
        LoadCounters counters, bool streaming)
    {
        var scope = ScopeOf(format, counters);
        if (counters.PeriodStart is not { } start || counters.PeriodEnd is not { } end)
            return (scope, 0, null);
        // Months, not days: a daily file for 2 October replaces one for 1 October at the sub-ICB × month grain.
        var (fromMonth, toMonth) = (new DateOnly(start.Year, start.Month, 1), new DateOnly(end.Year, end.Month, 1).AddMonths(1).AddDays(-1));
        if (await connection.ScalarAsync<long>(MartScripts.Statement(MartScripts.BatchPeriodLoaded), format, fromMonth, toMonth, batchId) == 0)
            return (scope, 0, null);
        IReadOnlyList<int> affected;
        await _warehouse.SetMemoryBudgetAsync(connection, streaming: false);
        try
        {
            affected = await connection.ExecuteScriptAsync(MartScripts.Read(script), batchId, scope);
        }
        finally
        {
            await _warehouse.SetMemoryBudgetAsync(connection, streaming);
        }
        var partly = await connection.RowsAsync(MartScripts.Read(MartScripts.PartlySuperseded), batchId);
        var note = partly.Count == 0 ? null : string.Join("; ", partly.Select(r => string.Create(CultureInfo.InvariantCulture,
            $"covers {counters.ScopeCodes.Count:N0} practices and replaces batch {r[0]} ({r[1]}) only for them: {Convert.ToInt64(r[2], CultureInfo.InvariantCulture):N0} other practices stay from that batch")));
        var statements = SqlStatements.Split(MartScripts.Read(script));
        return (scope, affected.Where((_, i) => IsDelete(statements[i])).Sum(), note);
    }

    // A statement's first line of SQL (past its comments) says whether it deletes rows.
    private static bool IsDelete(string statement) =>
        statement.Split('\n').Select(l => l.Trim()).First(l => l.Length > 0 && !l.StartsWith("--", StringComparison.Ordinal))
            .StartsWith("delete", StringComparison.OrdinalIgnoreCase);

    // The format, period and practice (or sub-ICB) list of a batch: a re-issue has the same scope.
    private static string ScopeOf(string format, LoadCounters counters)
    {
        var codes = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", counters.ScopeCodes))))[..16];
        return $"{format}|{counters.PeriodStart:yyyy-MM-dd}|{counters.PeriodEnd:yyyy-MM-dd}|{codes}";
    }

    private static async Task<(string? Scope, long Rows, string? Note)> SupersedeAsync(DbConnection connection, string format, LoadCounters counters, long batchId)
    {
        if (counters.PeriodStart is null)
            return (null, 0, null);
        var scope = ScopeOf(format, counters);
        // Most loads supersede nothing: skip the per-fact deletes then.
        if (await connection.ScalarAsync<long>(MartScripts.Statement(MartScripts.BatchScopeLoaded), scope) == 0)
            return (scope, 0, null);
        var affected = await connection.ExecuteScriptAsync(MartScripts.Read(MartScripts.SupersedeBatches), scope, batchId);
        return (scope, affected.Take(affected.Count - 1).Sum(), null);
    }

    private async Task<FileLoadResult> RecordRejectedAsync(DbConnection connection, string path, string? sha, LoadCounters counters, string? format,
        string message, Stopwatch clock, Quarantine? quarantine = null)
    {
        var name = Path.GetFileName(path);
        message = SafeText.Of(message);
        await using var transaction = await connection.BeginTransactionAsync();
        var batchId = await connection.ScalarAsync<long>(MartScripts.Statement(MartScripts.BatchNextId));
        await connection.ExecuteAsync(MartScripts.Statement(MartScripts.BatchReject),
            batchId, name, sha ?? "", format ?? "unknown", counters.RowsRead, counters.RowsQuarantined, message, Now(),
            File.Exists(path) ? new FileInfo(path).Length : 0L, (long)clock.Elapsed.TotalMilliseconds);
        if (quarantine is not null)
            await quarantine.WriteAsync(_warehouse, connection, batchId);
        await transaction.CommitAsync();
        return Result(name, LoadStatus.Rejected, format, batchId, counters, quarantine, clock) with { RowsLoaded = 0, Message = message };
    }

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

    private DateTime Now() => _options.Time.GetUtcNow().UtcDateTime;
}
