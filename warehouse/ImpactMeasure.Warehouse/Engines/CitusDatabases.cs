using ImpactMeasure.Warehouse.Sql;
using Npgsql;

namespace ImpactMeasure.Warehouse.Engines;

/// <summary>A database across a whole Citus cluster, for throwaway warehouses (benchmarks, tests): created on the
/// coordinator and on every worker with the citus extension and the workers registered with the coordinator (Citus
/// keeps its metadata per database), and dropped everywhere. A production cluster's database is made once by its
/// administrator (README, Scale-out on Citus).</summary>
public static class CitusDatabases
{
    /// <summary>Creates <paramref name="name"/> on the cluster whose coordinator <paramref name="coordinator"/> (a
    /// connection string to any database there) names, with the workers that database lists; returns the connection
    /// string to the new database on the coordinator.</summary>
    public static async Task<string> CreateBesideAsync(string coordinator, string name) =>
        await CreateAsync(coordinator, await WorkersAsync(coordinator), name);

    /// <summary>Creates <paramref name="name"/> on the coordinator and the given workers, with the citus extension
    /// and the workers registered; returns the connection string to it on the coordinator.</summary>
    public static async Task<string> CreateAsync(string coordinator, IReadOnlyList<(string Host, int Port)> workers, string name)
    {
        ArgumentNullException.ThrowIfNull(workers);
        var main = new NpgsqlConnectionStringBuilder(coordinator) { Pooling = false };
        foreach (var node in workers.Select(w => Node(main, w.Host, w.Port)).Prepend(main))
        {
            await ExecuteAsync(With(node, "postgres"), $"create database {Quote(name)}");
            await ExecuteAsync(With(node, name), "create extension citus");
        }
        var database = With(main, name);
        await ExecuteAsync(database, $"select citus_set_coordinator_host('{main.Host}', {main.Port})");
        foreach (var (host, port) in workers)
            await ExecuteAsync(database, $"select citus_add_node('{host}', {port})");
        // The warehouse's own connections are pooled as the caller's string says: an unpooled coordinator session opens
        // new connections to every worker for its first distributed statement (about 80 ms a load batch, found here).
        return With(new NpgsqlConnectionStringBuilder(coordinator), name);
    }

    /// <summary>Drops a database made by <see cref="CreateAsync"/> on its workers and its coordinator.</summary>
    public static async Task DropAsync(string connectionString)
    {
        var workers = await WorkersAsync(connectionString);
        NpgsqlConnection.ClearAllPools();
        var main = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false };
        foreach (var node in workers.Select(w => Node(main, w.Host, w.Port)).Append(main))
            await ExecuteAsync(With(node, "postgres"), $"drop database if exists {Quote(main.Database!)} with (force)");
    }

    /// <summary>The primary workers the coordinator's database lists.</summary>
    public static async Task<IReadOnlyList<(string Host, int Port)>> WorkersAsync(string coordinator)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(coordinator) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        var rows = await connection.RowsAsync("select nodename, nodeport from pg_dist_node where noderole = 'primary' and groupid > 0 order by nodeport");
        return [.. rows.Select(r => ((string)r[0]!, Convert.ToInt32(r[1], System.Globalization.CultureInfo.InvariantCulture)))];
    }

    private static NpgsqlConnectionStringBuilder Node(NpgsqlConnectionStringBuilder coordinator, string host, int port) =>
        new(coordinator.ConnectionString) { Host = host, Port = port };

    private static string With(NpgsqlConnectionStringBuilder node, string database) =>
        new NpgsqlConnectionStringBuilder(node.ConnectionString) { Database = database }.ConnectionString;

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await connection.ExecuteAsync(sql);
    }
}
