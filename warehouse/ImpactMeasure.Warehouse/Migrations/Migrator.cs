using System.Data.Common;
using ImpactMeasure.Warehouse.Sql;

namespace ImpactMeasure.Warehouse.Migrations;

/// <summary>Brings a warehouse to the newest schema this program knows, one transaction per migration,
/// recording each in <c>schema_version</c>; applying twice changes nothing.</summary>
public sealed class Migrator
{
    private readonly Warehouse _warehouse;
    private readonly TimeProvider _time;

    public Migrator(Warehouse warehouse, TimeProvider? time = null)
    {
        _warehouse = warehouse;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>Every migration in version order: the SQL files plus the code migrations.</summary>
    public static IReadOnlyList<Migration> All { get; } = Discover();

    public static int LatestVersion => All[^1].Version;

    private static List<Migration> Discover()
    {
        var scripts = SqlScripts.Warehouse;
        var migrations = scripts.Under("sql/00_schema/")
            .Select(path => (Migration)new SqlMigration(path, scripts.Read(path)))
            .Append(new DateDimensionMigration())
            .OrderBy(m => m.Version)
            .ToList();
        var duplicate = migrations.GroupBy(m => m.Version).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new InvalidOperationException($"two migrations share version {duplicate.Key}");
        return migrations;
    }

    /// <summary>The schema version recorded in the warehouse (0 when it has none).</summary>
    public static async Task<int> CurrentVersionAsync(DbConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var exists = await connection.ScalarAsync<long>(
            "select count(*) from information_schema.tables where table_name = 'schema_version' and table_schema = current_schema()");
        return exists == 0 ? 0 : await connection.ScalarAsync<int>("select coalesce(max(version), 0) from schema_version");
    }

    /// <summary>Fails unless the warehouse is at exactly the version this program knows.</summary>
    public async Task RequireCurrentAsync()
    {
        await using var connection = await _warehouse.OpenConnectionAsync();
        var version = await CurrentVersionAsync(connection);
        ThrowIfTooNew(version);
        if (version == 0)
            throw new WarehouseException($"{_warehouse.Location.Display} holds no ImpactMeasure schema: run 'impact init' first");
        if (version < LatestVersion)
            throw new WarehouseException(
                $"{_warehouse.Location.Display} is at schema version {version}, this program needs {LatestVersion}: run 'impact init' to migrate it");
    }

    public async Task<MigrationReport> MigrateAsync()
    {
        await using var connection = await _warehouse.OpenConnectionAsync();
        var before = await CurrentVersionAsync(connection);
        ThrowIfTooNew(before);
        var applied = new List<Migration>();
        foreach (var migration in All)
        {
            if (await ApplyIfNewAsync(connection, migration))
                applied.Add(migration);
        }
        return new MigrationReport(before, await CurrentVersionAsync(connection), applied);
    }

    private async Task<bool> ApplyIfNewAsync(DbConnection connection, Migration migration)
    {
        await using var transaction = await connection.BeginTransactionAsync();
        await _warehouse.LockSchemaAsync(connection);
        var recorded = await RecordedChecksumAsync(connection, migration.Version);
        if (recorded is not null)
        {
            if (recorded != migration.Checksum)
                throw new WarehouseException(
                    $"migration V{migration.Version:000} ({migration.Description}) was changed after it was applied to {_warehouse.Location.Display}: "
                    + "schema changes go in a new numbered migration");
            return false;
        }
        await migration.ApplyAsync(_warehouse, connection);
        await connection.ExecuteAsync(
            "insert into schema_version (version, description, checksum, applied_at) values ($1, $2, $3, $4)",
            migration.Version, migration.Description, migration.Checksum, _time.GetUtcNow().UtcDateTime);
        await transaction.CommitAsync();
        return true;
    }

    private static async Task<string?> RecordedChecksumAsync(DbConnection connection, int version) =>
        await CurrentVersionAsync(connection) == 0
            ? null
            : await connection.ScalarAsync<string>("select checksum from schema_version where version = $1", version);

    private void ThrowIfTooNew(int version)
    {
        if (version > LatestVersion)
            throw new WarehouseException(
                $"{_warehouse.Location.Display} is at schema version {version}, newer than this program knows ({LatestVersion}): upgrade impact before using it");
    }
}
