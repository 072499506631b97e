using System.Data.Common;
using System.Security.Cryptography;
using ImpactMeasure.Etl.Loading;
using ImpactMeasure.Warehouse.Sql;

namespace ImpactMeasure.Etl.Batches;

/// <summary>The bookkeeping of load batches in etl_load_batch, in one place: a file's batch is started, finished
/// with its counts, or recorded as rejected; files already loaded are recognised; batches cut off inside their
/// commit are repaired. Every call runs in the caller's transaction.</summary>
public sealed class LoadBatches
{
    public const string NextIdScript = "Batches/batch_next_id.sql";
    public const string StartScript = "Batches/batch_start.sql";
    public const string FinishScript = "Batches/batch_finish.sql";
    public const string RejectScript = "Batches/batch_reject.sql";
    public const string LoadedWithSizeScript = "Batches/batch_loaded_with_size.sql";
    public const string LoadedWithShaScript = "Batches/batch_loaded_with_sha.sql";
    public const string VocabularyUseScript = "Batches/batch_vocabulary_use.sql";
    public const string ClearLandingScript = "Batches/clear_landing.sql";
    public const string RepairUnfinishedScript = "Batches/repair_unfinished.sql";

    /// <summary>Every script of the bookkeeping and of superseding (<see cref="Supersession"/>).</summary>
    public static IReadOnlyList<string> Scripts { get; } =
    [
        NextIdScript, StartScript, FinishScript, RejectScript, LoadedWithSizeScript, LoadedWithShaScript, VocabularyUseScript,
        ClearLandingScript, RepairUnfinishedScript, .. Supersession.Scripts,
    ];

    private readonly DbConnection _connection;
    private readonly TimeProvider _time;

    public LoadBatches(DbConnection connection, TimeProvider time)
    {
        _connection = connection;
        _time = time;
    }

    /// <summary>Removes what loads cut off inside their commit left behind (see repair_unfinished.sql); the rows removed.</summary>
    public async Task<long> RepairUnfinishedAsync() =>
        (await _connection.ExecuteScriptAsync(EtlSql.Read(RepairUnfinishedScript))).Sum();

    /// <summary>The batch that loaded these bytes under this name, or null. Hashes the file first only when a loaded
    /// file of the same size exists: otherwise the load hashes as it reads.</summary>
    public async Task<long?> AlreadyLoadedAsync(string path, long size)
    {
        if (await _connection.ScalarAsync<long>(EtlSql.Statement(LoadedWithSizeScript), size) == 0)
            return null;
        string sha;
        await using (var stream = File.OpenRead(path))
            sha = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream));
        return await _connection.ScalarAsync<long?>(EtlSql.Statement(LoadedWithShaScript), sha, Path.GetFileName(path));
    }

    /// <summary>A new batch for a file about to load; its rows carry the id returned.</summary>
    public async Task<long> StartAsync(string name, string format, long size, IReadOnlyList<string> extraColumns)
    {
        var batchId = await NextIdAsync();
        await _connection.ExecuteAsync(EtlSql.Statement(StartScript), batchId, name, format, Now(), size, string.Join(",", extraColumns));
        return batchId;
    }

    /// <summary>Records a loaded batch's counts, fingerprint and outcome, and the vocabulary-map values it used;
    /// clears its landing rows.</summary>
    public async Task FinishAsync(long batchId, FinishedBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var counters = batch.Counters;
        foreach (var ((column, value, code), rows) in counters.Mapped)
            await _connection.ExecuteAsync(EtlSql.Statement(VocabularyUseScript), batchId, column, value, code, rows);
        await _connection.ExecuteScriptAsync(EtlSql.Read(ClearLandingScript), batchId);
        await _connection.ExecuteAsync(EtlSql.Statement(FinishScript),
            batchId, batch.Sha256, counters.RowsRead, counters.RowsLoaded, counters.RowsQuarantined, counters.RowsUnknown, batch.RowsSuperseded,
            counters.RowsUpdated, counters.PeriodStart, counters.PeriodEnd, batch.Scope, Now(), (long)batch.Elapsed.TotalMilliseconds, batch.Message,
            batch.TextEncoding);
    }

    /// <summary>Records a file refused whole, with why; the new batch's id (its quarantined rows go under it).</summary>
    public async Task<long> RejectAsync(RejectedBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var batchId = await NextIdAsync();
        await _connection.ExecuteAsync(EtlSql.Statement(RejectScript),
            batchId, batch.Name, batch.Sha256 ?? "", batch.Format ?? "unknown", batch.Counters.RowsRead, batch.Counters.RowsQuarantined, batch.Message,
            Now(), batch.SizeBytes, (long)batch.Elapsed.TotalMilliseconds);
        return batchId;
    }

    private Task<long> NextIdAsync() => _connection.ScalarAsync<long>(EtlSql.Statement(NextIdScript));

    private DateTime Now() => _time.GetUtcNow().UtcDateTime;
}
