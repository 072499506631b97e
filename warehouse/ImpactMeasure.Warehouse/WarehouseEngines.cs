using System.Data.Common;

namespace ImpactMeasure.Warehouse;

/// <summary>Which engine a connection reaches: for SQL written once per engine where their planners differ.</summary>
public static class WarehouseEngines
{
    public static WarehouseEngine Of(DbConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return connection is DuckDB.NET.Data.DuckDBConnection ? WarehouseEngine.DuckDb : WarehouseEngine.Postgres;
    }
}
