using ImpactMeasure.Warehouse;
using ImpactMeasure.Warehouse.Migrations;

namespace ImpactMeasure.Testing;

/// <summary>A fresh, empty warehouse on one engine for one test: a temp DuckDB file or a new PostgreSQL database.</summary>
public sealed class TestWarehouse : IAsyncDisposable
{
    private readonly string? _duckDbDir;
    private readonly string? _postgresConnection;

    private TestWarehouse(string uri, string? duckDbDir, string? postgresConnection)
    {
        Uri = uri;
        Location = WarehouseLocation.Parse(uri);
        _duckDbDir = duckDbDir;
        _postgresConnection = postgresConnection;
    }

    /// <summary>The URI a command line would take.</summary>
    public string Uri { get; }

    public WarehouseLocation Location { get; }

    /// <summary>On a Citus cluster: migrated warehouses are distributed as <c>impact init --citus</c> does.</summary>
    public bool IsCitus { get; private init; }

    /// <summary>Creates an empty warehouse on the named engine (<c>duckdb</c>, <c>postgres</c> or <c>citus</c>).</summary>
    public static TestWarehouse Create(string engine)
    {
        switch (engine)
        {
            case EngineNames.DuckDb:
                var dir = Path.Combine(Path.GetTempPath(), $"impact-test-{Guid.NewGuid():N}");
                Directory.CreateDirectory(dir);
                return new TestWarehouse($"duckdb:{Path.Combine(dir, "warehouse.duckdb")}", dir, null);
            case EngineNames.Postgres:
                var connection = PostgresServer.Instance.CreateDatabase("impact_test");
                return new TestWarehouse(connection, null, connection);
            case EngineNames.Citus:
                var coordinator = CitusCluster.Instance.CreateDatabase("impact_test");
                return new TestWarehouse(coordinator, null, coordinator) { IsCitus = true };
            default:
                throw new ArgumentOutOfRangeException(nameof(engine), engine, "expected duckdb, postgres or citus");
        }
    }

    /// <summary>Creates a warehouse and applies every migration.</summary>
    public static async Task<TestWarehouse> CreateMigratedAsync(string engine)
    {
        var test = Create(engine);
        await using var warehouse = await test.OpenAsync(WarehouseAccess.Create);
        await new Migrator(warehouse).MigrateAsync();
        if (test.IsCitus)
        {
            await using var connection = await warehouse.OpenConnectionAsync();
            await ImpactMeasure.Warehouse.Engines.CitusDistribution.DistributeAsync(connection);
        }
        return test;
    }

    public Task<ImpactMeasure.Warehouse.Warehouse> OpenAsync(WarehouseAccess access = WarehouseAccess.ReadWrite) =>
        ImpactMeasure.Warehouse.Warehouse.OpenAsync(Location, access);

    public ValueTask DisposeAsync()
    {
        if (_duckDbDir is not null && Directory.Exists(_duckDbDir))
            Directory.Delete(_duckDbDir, recursive: true);
        if (_postgresConnection is not null && IsCitus)
            CitusCluster.DropDatabase(_postgresConnection);
        else if (_postgresConnection is not null)
            PostgresServer.Instance.DropDatabase(_postgresConnection);
        return ValueTask.CompletedTask;
    }
}
