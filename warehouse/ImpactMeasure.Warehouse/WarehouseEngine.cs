namespace ImpactMeasure.Warehouse;

/// <summary>The database engines a warehouse can live in.</summary>
public enum WarehouseEngine
{
    /// <summary>Embedded DuckDB: a file or in-memory, zero set-up (the default).</summary>
    DuckDb,

    /// <summary>A shared PostgreSQL server reached through Npgsql.</summary>
    Postgres,
}
