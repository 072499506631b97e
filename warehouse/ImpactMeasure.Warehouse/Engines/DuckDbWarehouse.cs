using System.Data.Common;
using DuckDB.NET.Data;
using ImpactMeasure.Warehouse.Bulk;
using ImpactMeasure.Warehouse.Sql;

namespace ImpactMeasure.Warehouse.Engines;

/// <summary>The embedded DuckDB warehouse: one file (one writer process at a time) or in memory.</summary>
internal sealed class DuckDbWarehouse : Warehouse
{
    // Held open for the warehouse's lifetime: in memory, a new connection would be a new empty database
    // (so connections are duplicated from it); on file, it keeps the one shared database instance alive.
    private DuckDBConnection? _root;

    public DuckDbWarehouse(WarehouseLocation location, WarehouseAccess access)
        : base(location, access)
    {
    }

    protected override async Task PrepareAsync(CancellationToken cancellationToken)
    {
        var path = Location.DuckDbPath;
        if (path is not null && !File.Exists(path))
        {
            if (Access != WarehouseAccess.Create)
                throw new WarehouseException($"no warehouse at {path}: name an existing one with -w (the demo's is -w duckdb:out/impact.duckdb; "
                    + $"or set IMPACT_WAREHOUSE), or create this one with 'impact init -w {Location.Display}'");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        }
        _root = await OpenNewAsync(cancellationToken);
        // DuckDB would take 80% of RAM: cap it so a 2 GB load stays near the ETL's memory budget; it spills to
        // <file>.tmp beyond that. In memory there is nowhere to spill, so no cap.
    }

    // A streaming bulk load keeps its uncommitted rows in DuckDB until commit: capped, DuckDB spills them to
    // <file>.tmp instead of growing. Set-based SQL (marts, checks) gets a roomier budget (RESET would not undo a
    // global SET).
    public override async Task SetMemoryBudgetAsync(DbConnection connection, bool streaming)
    {
        if (Location.IsInMemory)
            return;
        await connection.ExecuteAsync($"set memory_limit = '{(streaming ? MemoryLimit : WorkingMemory)}'");
    }

    /// <summary>DuckDB's memory for set-based SQL: <c>IMPACT_DUCKDB_WORK_MEMORY</c>, default 4GB.</summary>
    public static string WorkingMemory => Setting("IMPACT_DUCKDB_WORK_MEMORY", "4GB");

    private static string Setting(string variable, string fallback) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value && !value.Contains('\'', StringComparison.Ordinal) ? value : fallback;

    /// <summary>DuckDB's memory cap during streaming loads: <c>IMPACT_DUCKDB_MEMORY_LIMIT</c>, default 128MB.</summary>
    public static string MemoryLimit => Setting("IMPACT_DUCKDB_MEMORY_LIMIT", "128MB");

    private async Task<DuckDBConnection> OpenNewAsync(CancellationToken cancellationToken)
    {
        var readOnly = Access == WarehouseAccess.ReadOnly && !Location.IsInMemory ? ";ACCESS_MODE=READ_ONLY" : "";
        var connection = new DuckDBConnection(Location.ConnectionString + readOnly);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch (DuckDBException ex)
        {
            await connection.DisposeAsync();
            var why = ex.Message.Contains("lock", StringComparison.OrdinalIgnoreCase)
                ? "it is in use by another process (a DuckDB file has one writer at a time: stop 'impact serve' or the other command)"
                : ex.Message.ReplaceLineEndings(" ");
            throw new WarehouseException($"cannot open DuckDB warehouse {Location.Display}: {why}", ex);
        }
    }

    public override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken = default)
    {
        var root = _root ?? throw new ObjectDisposedException(nameof(DuckDbWarehouse));
        if (Location.IsInMemory)
        {
            var duplicate = root.Duplicate();
            await duplicate.OpenAsync(cancellationToken);
            return duplicate;
        }
        // DuckDB.NET shares one database instance per file within the process while the root connection lives.
        return await OpenNewAsync(cancellationToken);
    }

    public override Task<IBulkWriter> StartBulkWriteAsync(DbConnection connection, string table, IReadOnlyList<BulkColumn> columns) =>
        Task.FromResult<IBulkWriter>(new DuckDbBulkWriter((DuckDBConnection)connection, table, columns));

    // One process holds the file; within it, DuckDB's own transaction conflicts protect the schema.
    public override Task LockSchemaAsync(DbConnection connection) => Task.CompletedTask;

    // One writer process per file, and a process loads one file at a time.
    public override Task BeginLoadAsync(DbConnection connection) => Task.CompletedTask;

    public override Task RefreshStatisticsAsync(DbConnection connection) => Task.CompletedTask;

    public override async ValueTask DisposeAsync()
    {
        if (_root is not null)
            await _root.DisposeAsync();
        _root = null;
        await base.DisposeAsync();
    }
}
