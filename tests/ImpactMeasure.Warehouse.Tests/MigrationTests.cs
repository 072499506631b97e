using ImpactMeasure.Testing;
using ImpactMeasure.Warehouse.Migrations;
using ImpactMeasure.Warehouse.Sql;

namespace ImpactMeasure.Warehouse.Tests;

public class MigrationTests
{
    [Theory, EveryEngine]
    public async Task A_new_warehouse_gets_every_migration_recorded(string engine)
    {
        await using var test = TestWarehouse.Create(engine);
        await using var warehouse = await test.OpenAsync(WarehouseAccess.Create);

        var report = await new Migrator(warehouse).MigrateAsync();

        report.VersionBefore.Should().Be(0);
        report.VersionAfter.Should().Be(Migrator.LatestVersion);
        report.Applied.Select(m => m.Version).Should().Equal(Migrator.All.Select(m => m.Version));
        await using var connection = await warehouse.OpenConnectionAsync();
        var recorded = await connection.RowsAsync("select version, checksum from schema_version order by version");
        recorded.Select(r => Convert.ToInt32(r[0], System.Globalization.CultureInfo.InvariantCulture))
            .Should().Equal(Migrator.All.Select(m => m.Version));
        recorded.Select(r => (string)r[1]!).Should().Equal(Migrator.All.Select(m => m.Checksum));
    }

    [Theory, EveryEngine]
    public async Task Migrating_twice_changes_nothing(string engine)
    {
        await using var test = await TestWarehouse.CreateMigratedAsync(engine);
        await using var warehouse = await test.OpenAsync();
        var before = await WarehouseSnapshot.TakeAsync(warehouse);

        var report = await new Migrator(warehouse).MigrateAsync();

        report.Applied.Should().BeEmpty();
        report.VersionBefore.Should().Be(Migrator.LatestVersion);
        (await WarehouseSnapshot.TakeAsync(warehouse)).Should().BeEquivalentTo(before);
    }

    [Theory, EveryEngine]
    public async Task A_warehouse_newer_than_the_program_is_refused_and_left_alone(string engine)
    {
        await using var test = await TestWarehouse.CreateMigratedAsync(engine);
        await using var warehouse = await test.OpenAsync();
        await using (var connection = await warehouse.OpenConnectionAsync())
        {
            await connection.ExecuteAsync(
                "insert into schema_version (version, description, checksum, applied_at) values (999, 'future', 'x', $1)", DateTime.UtcNow);
        }

        var migrate = () => new Migrator(warehouse).MigrateAsync();
        var require = () => new Migrator(warehouse).RequireCurrentAsync();

        (await migrate.Should().ThrowAsync<WarehouseException>()).Which.Message
            .Should().Contain("schema version 999").And.Contain("upgrade impact");
        await require.Should().ThrowAsync<WarehouseException>();
    }

    [Theory, EveryEngine]
    public async Task An_edited_migration_is_detected(string engine)
    {
        await using var test = await TestWarehouse.CreateMigratedAsync(engine);
        await using var warehouse = await test.OpenAsync();
        await using (var connection = await warehouse.OpenConnectionAsync())
            await connection.ExecuteAsync("update schema_version set checksum = 'edited' where version = 2");

        var migrate = () => new Migrator(warehouse).MigrateAsync();

        (await migrate.Should().ThrowAsync<WarehouseException>()).Which.Message.Should().Contain("V002").And.Contain("changed after");
    }

    [Theory, EveryEngine]
    public async Task An_empty_database_is_not_a_warehouse_yet(string engine)
    {
        await using var test = TestWarehouse.Create(engine);
        await using var warehouse = await test.OpenAsync(WarehouseAccess.Create);

        var require = () => new Migrator(warehouse).RequireCurrentAsync();

        (await require.Should().ThrowAsync<WarehouseException>()).Which.Message.Should().Contain("impact init");
    }

    [Fact]
    public void Every_schema_script_is_a_migration_in_order()
    {
        Migrator.All.OfType<SqlMigration>().Should().HaveCount(SqlScripts.Warehouse.Under("sql/00_schema/").Count);
        Migrator.All.Select(m => m.Version).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
    }

    [Theory, EveryEngine]
    public async Task An_engine_specific_migration_is_recorded_on_both_engines_but_runs_on_its_own(string engine)
    {
        await using var test = await TestWarehouse.CreateMigratedAsync(engine);
        await using var warehouse = await test.OpenAsync();
        await using var connection = await warehouse.OpenConnectionAsync();
        var pgOnly = Migrator.All.OfType<SqlMigration>().Single(m => m.OnlyOn == WarehouseEngine.Postgres && m.Description == "batch indexes");

        var recorded = await connection.ScalarAsync<long>("select count(*) from schema_version where version = $1", pgOnly.Version);
        var indexes = engine == EngineNames.Postgres
            ? await connection.ScalarAsync<long>("select count(*) from pg_indexes where indexname = 'fact_signpost_event'")
            : 0;

        recorded.Should().Be(1);
        indexes.Should().Be(engine == EngineNames.Postgres ? 1 : 0);
    }
}
