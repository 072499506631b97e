using System.Data.Common;
using ImpactMeasure.Warehouse.Bulk;
using ImpactMeasure.Warehouse.Engines;

namespace ImpactMeasure.Warehouse;

/// <summary>One warehouse on one engine: opens connections and bulk writers; everything else is SQL.</summary>
public abstract class Warehouse : IAsyncDisposable
{
    protected Warehouse(WarehouseLocation location, WarehouseAccess access)
    {
        Location = location;
        Access = access;
    }

    public WarehouseLocation Location { get; }

    public WarehouseAccess Access { get; }

    public WarehouseEngine Engine => Location.Engine;

    /// <summary>Opens the warehouse at a location; nothing is created unless <paramref name="access"/> says so.</summary>
    public static async Task<Warehouse> OpenAsync(WarehouseLocation location, WarehouseAccess access, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(location);
        Warehouse warehouse = location.Engine switch
        {
            WarehouseEngine.DuckDb => new DuckDbWarehouse(location, access),
            WarehouseEngine.Postgres => new PostgresWarehouse(location, access),
            _ => throw new ArgumentOutOfRangeException(nameof(location)),
        };
        try
        {
            await warehouse.PrepareAsync(cancellationToken);
            return warehouse;
        }
        catch
        {
            await warehouse.DisposeAsync();
            throw;
        }
    }

    /// <summary>Checks the warehouse can be reached, creating it first when asked to.</summary>
    protected abstract Task PrepareAsync(CancellationToken cancellationToken);

    /// <summary>Opens a new connection; the caller disposes it.</summary>
    public abstract Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken = default);

    /// <summary>Starts a bulk load into <paramref name="table"/> on <paramref name="connection"/>, inside its transaction.</summary>
    public abstract Task<IBulkWriter> StartBulkWriteAsync(DbConnection connection, string table, IReadOnlyList<BulkColumn> columns);

    /// <summary>Serialises schema changes between processes for the rest of the current transaction.</summary>
    public abstract Task LockSchemaAsync(DbConnection connection);

    /// <summary>Starts a file load's transaction: serialises loads between processes for the rest of it, so in-memory
    /// dimension keys handed out during a load never collide, and sets what the engine needs (on Citus, one
    /// connection per worker).</summary>
    public abstract Task BeginLoadAsync(DbConnection connection);

    /// <summary>Refreshes the planner's statistics after bulk loads (PostgreSQL plans badly on stale ones;
    /// DuckDB keeps its own as it appends).</summary>
    public abstract Task RefreshStatisticsAsync(DbConnection connection);

    /// <summary>Refreshes one table's statistics inside the current transaction (a staging table just landed), so the
    /// statements that follow are planned for its rows. DuckDB keeps its own as it appends.</summary>
    public virtual Task RefreshStatisticsAsync(DbConnection connection, string table) => Task.CompletedTask;

    /// <summary>Sets the engine's memory budget for what comes next: tight for streaming bulk loads (so a 2 GB file
    /// stays within the ETL's memory target), roomy for set-based SQL. PostgreSQL manages its own.</summary>
    public virtual Task SetMemoryBudgetAsync(DbConnection connection, bool streaming) => Task.CompletedTask;

    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }
}
