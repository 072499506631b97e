using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ImpactMeasure.Etl.Loading;
using ImpactMeasure.Warehouse.Sql;

namespace ImpactMeasure.Etl.Batches;

/// <summary>A re-issue replaces what earlier batches loaded for the same data: at the data's own grain (the practice
/// crosstab replaces each practice × month it holds, the sub-ICB files each sub-ICB × month) or, for the other
/// formats that supersede, by file scope (format, period and the list of codes). Says which batches it replaced
/// only in part, so a partial re-issue is never mistaken for the whole month.</summary>
public sealed class Supersession
{
    public const string ByScopeScript = "Batches/supersede_batches.sql";
    public const string ScopeLoadedScript = "Batches/batch_scope_loaded.sql";
    public const string PeriodLoadedScript = "Batches/batch_period_loaded.sql";
    public const string PartlySupersededScript = "Batches/partly_superseded.sql";
    public const string SupersedingScript = "Batches/batch_superseding.sql";
    public const string SupersededScript = "Batches/batch_superseded.sql";

    public static IReadOnlyList<string> Scripts { get; } =
        [ByScopeScript, ScopeLoadedScript, PeriodLoadedScript, PartlySupersededScript, SupersedingScript, SupersededScript];

    private readonly ImpactMeasure.Warehouse.Warehouse _warehouse;
    private readonly DbConnection _connection;

    public Supersession(ImpactMeasure.Warehouse.Warehouse warehouse, DbConnection connection)
    {
        _warehouse = warehouse;
        _connection = connection;
    }

    /// <summary>What a batch replaced: its scope key, the rows deleted, and a note on batches replaced in part.</summary>
    public sealed record Outcome(string? Scope, long Rows, string? Note);

    public async Task<Outcome> SupersedeAsync(IFormatLoader loader, string format, long batchId, LoadCounters counters)
    {
        ArgumentNullException.ThrowIfNull(loader);
        ArgumentNullException.ThrowIfNull(counters);
        if (loader.Grain is { } grain)
            return await ByGrainAsync(grain, format, batchId, counters, loader.StreamsOnly);
        return loader.Supersedes ? await ByScopeAsync(format, counters, batchId) : new Outcome(null, 0, null);
    }

    // Most loads overlap no earlier batch: the set-based scripts are skipped then. When they run, they get the working
    // memory (the streaming cap would starve their joins over the fact table), and the cap is back for the commit.
    private async Task<Outcome> ByGrainAsync(GrainSupersession grain, string format, long batchId, LoadCounters counters, bool streaming)
    {
        var scope = ScopeOf(format, counters);
        if (counters.PeriodStart is not { } start || counters.PeriodEnd is not { } end)
            return new Outcome(scope, 0, null);
        // Months, not days: a daily file for 2 October replaces one for 1 October at the sub-ICB × month grain.
        var (fromMonth, toMonth) = (new DateOnly(start.Year, start.Month, 1), new DateOnly(end.Year, end.Month, 1).AddMonths(1).AddDays(-1));
        if (await _connection.ScalarAsync<long>(EtlSql.Statement(PeriodLoadedScript), format, fromMonth, toMonth, batchId) == 0)
            return new Outcome(scope, 0, null);
        long deleted;
        await _warehouse.SetMemoryBudgetAsync(_connection, streaming: false);
        try
        {
            deleted = await ReplaceAsync(grain, batchId, scope);
        }
        finally
        {
            await _warehouse.SetMemoryBudgetAsync(_connection, streaming);
        }
        var partly = await _connection.RowsAsync(EtlSql.Read(PartlySupersededScript), batchId);
        var note = partly.Count == 0 ? null : string.Join("; ", partly.Select(r => string.Create(CultureInfo.InvariantCulture,
            $"covers {counters.ScopeCodes.Count:N0} practices and replaces batch {r[0]} ({r[1]}) only for them: {Convert.ToInt64(r[2], CultureInfo.InvariantCulture):N0} other practices stay from that batch")));
        return new Outcome(scope, deleted, note);
    }

    // Marks the batches replaced, deletes their facts at the grain, and supersedes those left with none; returns the
    // rows deleted.
    private async Task<long> ReplaceAsync(GrainSupersession grain, long batchId, string scope)
    {
        var replaced = await BatchIdsAsync(grain.Replaced, batchId, scope);
        if (replaced.Count == 0)
            return 0;
        foreach (var earlier in replaced)
            await _connection.ExecuteAsync(EtlSql.Statement(SupersedingScript), batchId, earlier);
        var deleted = (await _connection.ExecuteScriptAsync(EtlSql.Read(grain.Delete), batchId, scope)).Sum();
        var kept = await BatchIdsAsync(grain.Kept, batchId);
        foreach (var emptied in replaced.Except(kept))
            await _connection.ExecuteAsync(EtlSql.Statement(SupersededScript), emptied);
        return deleted;
    }

    private async Task<IReadOnlyList<long>> BatchIdsAsync(string script, params object?[] parameters)
    {
        var sql = EtlSql.Statement(script);
        var rows = await _connection.RowsAsync(sql, parameters[..SqlStatements.ParameterCount(sql)]);
        return [.. rows.Select(r => Convert.ToInt64(r[0], CultureInfo.InvariantCulture))];
    }

    private async Task<Outcome> ByScopeAsync(string format, LoadCounters counters, long batchId)
    {
        if (counters.PeriodStart is null)
            return new Outcome(null, 0, null);
        var scope = ScopeOf(format, counters);
        // Most loads supersede nothing: skip the per-fact deletes then.
        if (await _connection.ScalarAsync<long>(EtlSql.Statement(ScopeLoadedScript), scope) == 0)
            return new Outcome(scope, 0, null);
        var affected = await _connection.ExecuteScriptAsync(EtlSql.Read(ByScopeScript), scope, batchId);
        return new Outcome(scope, affected.Take(affected.Count - 1).Sum(), null);
    }

    // The format, period and practice (or sub-ICB) list of a batch: a re-issue has the same scope.
    private static string ScopeOf(string format, LoadCounters counters)
    {
        var codes = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", counters.ScopeCodes))))[..16];
        return $"{format}|{counters.PeriodStart:yyyy-MM-dd}|{counters.PeriodEnd:yyyy-MM-dd}|{codes}";
    }
}
