using System.Diagnostics;
using DuckDB.NET.Data;
using ImpactMeasure.Warehouse;
using ImpactMeasure.Warehouse.Sql;
using Npgsql;

namespace ImpactMeasure.Cli.Benchmarks;

/// <summary>The engine's own bulk load of the raw CSV (DuckDB read_csv into a table; PostgreSQL COPY of the
/// file's text, as psql \copy does), timed: the yardstick the ETL is measured against.</summary>
public static class NativeCsvLoad
{
    public static async Task<TimeSpan> RunAsync(WarehouseLocation location, string csvPath, string scratchFolder)
    {
        ArgumentNullException.ThrowIfNull(location);
        return location.Engine == WarehouseEngine.DuckDb
            ? await DuckDbAsync(Path.Combine(scratchFolder, "native.duckdb"), csvPath)
            : await PostgresAsync(location.ConnectionString, csvPath);
    }

    private static async Task<TimeSpan> DuckDbAsync(string databasePath, string csvPath)
    {
        File.Delete(databasePath);
        await using var connection = new DuckDBConnection($"Data Source={databasePath}");
        await connection.OpenAsync();
        var sql = CliSql.Read(CliSql.BenchNativeDuckDb)
            .Replace("{path}", "'" + csvPath.Replace("'", "''", StringComparison.Ordinal) + "'", StringComparison.Ordinal);
        var clock = Stopwatch.StartNew();
        await connection.ExecuteAsync(sql);
        return clock.Elapsed;
    }

    private static async Task<TimeSpan> PostgresAsync(string connectionString, string csvPath)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await connection.ExecuteAsync("drop table if exists bench_raw");
        await connection.ExecuteAsync(CliSql.Read(CliSql.BenchNativePostgres));
        var clock = Stopwatch.StartNew();
        await using (var writer = await connection.BeginTextImportAsync("copy bench_raw from stdin (format csv, header true)"))
        using (var reader = new StreamReader(csvPath))
        {
            var buffer = new char[1 << 16];
            int n;
            while ((n = await reader.ReadAsync(buffer)) > 0)
                await writer.WriteAsync(buffer.AsMemory(0, n));
        }
        var elapsed = clock.Elapsed;
        await connection.ExecuteAsync("drop table bench_raw");
        return elapsed;
    }
}
