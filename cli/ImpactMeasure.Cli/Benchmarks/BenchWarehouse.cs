using ImpactMeasure.Warehouse;
using ImpactMeasure.Warehouse.Sql;
using Npgsql;

namespace ImpactMeasure.Cli.Benchmarks;

/// <summary>A fresh warehouse for one benchmark run: a new DuckDB file in the scratch folder, or a new database
/// beside the one the PostgreSQL URI names (dropped afterwards), so a run never meets earlier data.</summary>
public static class BenchWarehouse
{
    public static WarehouseLocation Fresh(string? uri, string scratch)
    {
        var given = uri is null ? null : WarehouseLocation.Resolve(uri);
        if (given is null || given.Engine == WarehouseEngine.DuckDb)
        {
            var path = Path.Combine(scratch, $"etl-{Guid.NewGuid():N}.duckdb");
            return WarehouseLocation.Parse($"duckdb:{path}");
        }
        var builder = new NpgsqlConnectionStringBuilder(given.ConnectionString);
        builder.Database = FreshName(builder.Database!);
        return WarehouseLocation.Parse(builder.ConnectionString);
    }

    /// <summary>A new database name beside <paramref name="database"/>, within PostgreSQL's 63 characters.</summary>
    public static string FreshName(string database) => $"{database}_bench_{Guid.NewGuid():N}"[..Math.Min(database.Length + 15, 63)];

    public static async Task DropAsync(WarehouseLocation location)
    {
        ArgumentNullException.ThrowIfNull(location);
        if (location.Engine == WarehouseEngine.DuckDb)
        {
            File.Delete(location.DuckDbPath!);
            return;
        }
        NpgsqlConnection.ClearAllPools();
        var builder = new NpgsqlConnectionStringBuilder(location.ConnectionString);
        var database = builder.Database;
        builder.Database = "postgres";
        await using var admin = new NpgsqlConnection(builder.ConnectionString);
        await admin.OpenAsync();
        await admin.ExecuteAsync($"drop database if exists \"{database}\" with (force)");
    }
}
