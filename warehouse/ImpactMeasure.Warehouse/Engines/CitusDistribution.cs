using System.Data.Common;
using ImpactMeasure.Warehouse.Sql;

namespace ImpactMeasure.Warehouse.Engines;

/// <summary>The one place where the warehouse differs on Citus (distributed PostgreSQL): after the same migrations,
/// <c>sql/citus/distribute.sql</c> distributes the facts by practice_key (co-located), makes the dimensions reference
/// tables and adds the coordinator's landing and bookkeeping tables to Citus's metadata; the database lets Citus
/// repartition the few joins that are not on practice_key. Every ETL and report statement is otherwise the same.</summary>
public static class CitusDistribution
{
    public const string Script = "sql/citus/distribute.sql";

    /// <summary>Whether the database is a Citus coordinator (the extension is created in it).</summary>
    public static async Task<bool> IsCitusAsync(DbConnection connection) =>
        await connection.ScalarAsync<long>("select count(*) from pg_extension where extname = 'citus'") > 0;

    /// <summary>A load's transaction bulk-copies into the facts and then reads and deletes them (marts, superseding).
    /// Citus copies over several connections per worker and then refuses to read those shards over one ("placements
    /// that were modified over multiple connections"), so a load uses one connection per worker throughout. And it
    /// reaches the coordinator's own tables over a connection too, not by local execution: after a local execution
    /// Citus refuses to analyse the landing table in the transaction ("a local execution has accessed a placement"),
    /// and unanalysed, a landing table that autovacuum last saw empty is planned as one row — nationally a signposting
    /// month's mart then nested-looped its 100,000 rows over the dimensions for two minutes instead of two seconds.</summary>
    public static async Task PrepareLoadTransactionAsync(DbConnection connection)
    {
        await connection.ExecuteAsync("set local citus.multi_shard_modify_mode to 'sequential'");
        await connection.ExecuteAsync("set local citus.enable_local_execution to off");
    }

    /// <summary>Distributes the schema once (a no-op when it already is); false when the server is not a Citus
    /// coordinator with workers.</summary>
    public static async Task<(bool Distributed, string? Problem)> DistributeAsync(DbConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (!await IsCitusAsync(connection))
            return (false, "the citus extension is not created in this database: on a Citus coordinator run \"create extension citus\" (and add the workers with citus_add_node) first");
        if (await connection.ScalarAsync<long>("select count(*) from pg_dist_node where noderole = 'primary' and groupid > 0") == 0)
            return (false, "the Citus coordinator has no workers: add them with select citus_add_node('host', port)");
        if (await connection.ScalarAsync<long>("select count(*) from pg_dist_partition where logicalrelid = 'fact_appointments'::regclass") > 0)
            return (false, null);
        await connection.ExecuteScriptAsync(SqlScripts.Warehouse.Read(Script));
        var database = await connection.ScalarAsync<string>("select current_database()") ?? throw new InvalidOperationException("no current database");
        await connection.ExecuteAsync($"alter database \"{database.Replace("\"", "\"\"", StringComparison.Ordinal)}\" set citus.enable_repartition_joins = on");
        return (true, null);
    }
}
