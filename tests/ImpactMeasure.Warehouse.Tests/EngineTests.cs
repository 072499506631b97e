using ImpactMeasure.Testing;
using ImpactMeasure.Warehouse.Bulk;
using ImpactMeasure.Warehouse.Sql;

namespace ImpactMeasure.Warehouse.Tests;

public class EngineTests
{
    private static readonly BulkColumn[] QuarantineColumns =
    [
        new("load_batch_id", BulkColumnType.BigInt),
        new("line_number", BulkColumnType.BigInt),
        new("column_name", BulkColumnType.Text),
        new("raw_value", BulkColumnType.Text),
        new("reason", BulkColumnType.Text),
    ];

    [Theory, EveryEngine]
    public async Task Bulk_rows_commit_with_their_transaction_and_vanish_with_a_rollback(string engine)
    {
        await using var test = await TestWarehouse.CreateMigratedAsync(engine);
        await using var warehouse = await test.OpenAsync();
        await using var connection = await warehouse.OpenConnectionAsync();

        await WriteAsync(warehouse, connection, batch: 1, commit: true);
        await WriteAsync(warehouse, connection, batch: 2, commit: false);

        var rows = await connection.RowsAsync("select load_batch_id, count(*), max(raw_value) from etl_quarantine group by load_batch_id");
        rows.Should().ContainSingle();
        rows[0].Select(WarehouseSnapshot.Render).Should().Equal("1", "1000", "value 999");
    }

    [Theory, EveryEngine]
    public async Task Statements_have_no_time_limit_unless_the_connection_string_sets_one(string engine)
    {
        await using var test = await TestWarehouse.CreateMigratedAsync(engine);
        await using var warehouse = await test.OpenAsync();
        await using var connection = await warehouse.OpenConnectionAsync();
        await using var command = connection.CreateCommand();

        command.CommandTimeout.Should().Be(0, "a national month's marts or a 24-month window can take minutes (Npgsql's default is 30 s)");
    }

    [Fact]
    public async Task A_command_timeout_in_the_connection_string_still_applies()
    {
        await using var test = await TestWarehouse.CreateMigratedAsync(EngineNames.Postgres);
        var limited = WarehouseLocation.Parse(test.Uri + ";Command Timeout=1");
        await using var warehouse = await Warehouse.OpenAsync(limited, WarehouseAccess.ReadWrite);
        await using var connection = await warehouse.OpenConnectionAsync();

        var sleep = async () => await connection.ExecuteAsync("select pg_sleep(3)");

        (await sleep.Should().ThrowAsync<Npgsql.NpgsqlException>()).Which.InnerException.Should().BeOfType<TimeoutException>();
    }

    private static async Task WriteAsync(Warehouse warehouse, System.Data.Common.DbConnection connection, int batch, bool commit)
    {
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var writer = await warehouse.StartBulkWriteAsync(connection, "etl_quarantine", QuarantineColumns))
        {
            for (var i = 0; i < 1000; i++)
                await writer.WriteRowAsync((long)batch, (long)i, "score", $"value {i:000}", "a reason");
            await writer.CompleteAsync();
        }
        if (commit)
            await transaction.CommitAsync();
        else
            await transaction.RollbackAsync();
    }

    [Fact]
    public async Task An_unreachable_server_gets_a_one_line_reason()
    {
        var location = WarehouseLocation.Parse("postgres://u:pw@127.0.0.1:1/impact");

        var open = () => Warehouse.OpenAsync(location, WarehouseAccess.ReadWrite);

        var error = (await open.Should().ThrowAsync<WarehouseException>()).Which;
        error.Message.Should().Contain("postgres://u@127.0.0.1:1/impact").And.Contain("cannot be reached").And.NotContain("\n");
    }

    [Fact]
    public async Task A_missing_duckdb_file_is_not_created_unless_asked()
    {
        var path = Path.Combine(Path.GetTempPath(), $"impact-missing-{Guid.NewGuid():N}", "w.duckdb");

        var open = () => Warehouse.OpenAsync(WarehouseLocation.Parse($"duckdb:{path}"), WarehouseAccess.ReadWrite);

        (await open.Should().ThrowAsync<WarehouseException>()).Which.Message.Should().Contain("impact init");
        File.Exists(path).Should().BeFalse();
    }

    [Fact]
    public async Task Init_creates_a_missing_postgres_database()
    {
        var admin = new Npgsql.NpgsqlConnectionStringBuilder(PostgresServer.Instance.AdminConnectionString)
        {
            Database = $"impact_created_{Guid.NewGuid():N}",
        };
        var location = WarehouseLocation.Parse(admin.ConnectionString);
        try
        {
            await using var warehouse = await Warehouse.OpenAsync(location, WarehouseAccess.Create);
            await using var connection = await warehouse.OpenConnectionAsync();
            (await connection.ScalarAsync<string>("select current_database()")).Should().Be(admin.Database);
        }
        finally
        {
            PostgresServer.Instance.DropDatabase(admin.ConnectionString);
        }
    }

    [Fact]
    public async Task An_in_memory_warehouse_is_shared_by_its_connections()
    {
        await using var warehouse = await Warehouse.OpenAsync(WarehouseLocation.Parse("duckdb::memory:"), WarehouseAccess.Create);
        await new Migrations.Migrator(warehouse).MigrateAsync();

        await using var other = await warehouse.OpenConnectionAsync();

        (await other.ScalarAsync<long>("select count(*) from dim_role")).Should().Be(7);
    }
}
