using System.Data.Common;
using System.Net.Sockets;
using ImpactMeasure.Warehouse.Bulk;
using ImpactMeasure.Warehouse.Sql;
using Npgsql;

namespace ImpactMeasure.Warehouse.Engines;

/// <summary>The shared PostgreSQL warehouse, reached through Npgsql's pooled data source.</summary>
internal sealed class PostgresWarehouse : Warehouse
{
    // An arbitrary constant shared by every ImpactMeasure process: the advisory lock on schema changes.
    private const long SchemaLockId = 0x494D5041_4354;
    private const long LoadLockId = SchemaLockId + 1;
    private readonly NpgsqlDataSource _dataSource;
    // Whether the database is a Citus coordinator, found once when the warehouse opens.
    private bool _citus;

    public PostgresWarehouse(WarehouseLocation location, WarehouseAccess access)
        : base(location, access) => _dataSource = NpgsqlDataSource.Create(WithoutStatementTimeout(location.ConnectionString));

    // A warehouse statement can rightly run for minutes (a national month's marts on a cluster, a 24-month metrics
    // window): Npgsql's default of 30 s would cut a load off half way, so statements have no time limit unless the
    // connection string sets one (Command Timeout).
    private static string WithoutStatementTimeout(string connectionString)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        if (given.Keys.Cast<string>().Any(k => k.Replace(" ", "", StringComparison.Ordinal).Equals("CommandTimeout", StringComparison.OrdinalIgnoreCase)))
            return connectionString;
        return new NpgsqlConnectionStringBuilder(connectionString) { CommandTimeout = 0 }.ConnectionString;
    }

    protected override async Task PrepareAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await OpenConnectionAsync(cancellationToken);
            _citus = await CitusDistribution.IsCitusAsync(connection);
        }
        catch (WarehouseException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.InvalidCatalogName }
                                            && Access == WarehouseAccess.Create)
        {
            await CreateDatabaseAsync(cancellationToken);
        }
    }

    private async Task CreateDatabaseAsync(CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(Location.ConnectionString);
        var database = builder.Database!;
        builder.Database = "postgres";
        builder.Pooling = false;
        await using (var admin = new NpgsqlConnection(builder.ConnectionString))
        {
            await admin.OpenAsync(cancellationToken);
            await admin.ExecuteAsync($"create database \"{database.Replace("\"", "\"\"", StringComparison.Ordinal)}\"");
        }
        await using var check = await OpenConnectionAsync(cancellationToken);
    }

    public override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
            if (Access == WarehouseAccess.ReadOnly)
                await connection.ExecuteAsync("set session characteristics as transaction read only");
            return connection;
        }
        catch (NpgsqlException ex)
        {
            throw new WarehouseException($"cannot open PostgreSQL warehouse {Location.Display}: {Explain(ex)}", ex);
        }
    }

    private static string Explain(NpgsqlException ex) => ex switch
    {
        PostgresException { SqlState: PostgresErrorCodes.InvalidCatalogName } =>
            "the database does not exist: run 'impact init' with this warehouse to create it",
        PostgresException { SqlState: PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification } pg =>
            $"the server refused the login ({pg.MessageText}): check the user and password",
        PostgresException pg => pg.MessageText,
        { InnerException: SocketException socket } =>
            $"the server cannot be reached ({socket.SocketErrorCode}): check it is running and the host and port are right",
        _ when ex.InnerException is TimeoutException =>
            "the connection timed out: check the server is running and reachable",
        _ => ex.Message,
    };

    public override async Task<IBulkWriter> StartBulkWriteAsync(DbConnection connection, string table, IReadOnlyList<BulkColumn> columns) =>
        await PostgresBulkWriter.StartAsync((NpgsqlConnection)connection, table, columns);

    public override Task LockSchemaAsync(DbConnection connection) =>
        connection.ExecuteAsync("select pg_advisory_xact_lock($1)", SchemaLockId);

    public override Task RefreshStatisticsAsync(DbConnection connection) => connection.ExecuteAsync("analyze");

    // On Citus too: the load's transaction reaches the coordinator's landing tables without local execution
    // (CitusDistribution.PrepareLoadTransactionAsync), so analysing one does not stop its commands on the workers.
    public override Task RefreshStatisticsAsync(DbConnection connection, string table) =>
        connection.ExecuteAsync($"analyze \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\"");

    public override async Task BeginLoadAsync(DbConnection connection)
    {
        await connection.ExecuteAsync("select pg_advisory_xact_lock($1)", LoadLockId);
        if (_citus)
            await CitusDistribution.PrepareLoadTransactionAsync(connection);
    }

    public override async ValueTask DisposeAsync()
    {
        await _dataSource.DisposeAsync();
        await base.DisposeAsync();
    }
}
