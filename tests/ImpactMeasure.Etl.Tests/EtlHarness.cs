using ImpactMeasure.Etl;
using ImpactMeasure.Etl.Privacy;
using ImpactMeasure.Testing;
using ImpactMeasure.Warehouse;
using ImpactMeasure.Warehouse.Sql;

namespace ImpactMeasure.Etl.Tests;

/// <summary>A migrated test warehouse on one engine, a temp folder for fixture files, and short ways to ingest
/// and query.</summary>
internal sealed class EtlHarness : IAsyncDisposable
{
    public const string TestKey = "a-test-key-that-is-long-enough";
    private readonly TestWarehouse _test;
    private readonly ImpactMeasure.Warehouse.Warehouse _warehouse;

    private EtlHarness(TestWarehouse test, ImpactMeasure.Warehouse.Warehouse warehouse)
    {
        _test = test;
        _warehouse = warehouse;
        Folder = Path.Combine(Path.GetTempPath(), $"impact-etl-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; }

    public ImpactMeasure.Warehouse.Warehouse Warehouse => _warehouse;

    public EtlOptions Options { get; set; } = new() { Pseudonymiser = new Pseudonymiser(TestKey), AsOf = new DateOnly(2024, 1, 1) };

    public static async Task<EtlHarness> CreateAsync(string engine)
    {
        var test = await TestWarehouse.CreateMigratedAsync(engine);
        return new EtlHarness(test, await test.OpenAsync());
    }

    /// <summary>Writes a fixture file (LF line ends) and returns its path.</summary>
    public string Write(string name, params string[] lines)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllText(path, string.Join("\n", lines) + "\n");
        return path;
    }

    public async Task<FileLoadResult> IngestAsync(string path, IProgress<IngestProgress>? progress = null) =>
        await new Ingestor(_warehouse, Options, progress).IngestFileAsync(path);

    public async Task<IReadOnlyList<FileLoadResult>> IngestAllAsync(params string[] paths) =>
        await new Ingestor(_warehouse, Options).IngestAsync(paths);

    public async Task<long> CountAsync(string sql, params object?[] parameters)
    {
        await using var connection = await _warehouse.OpenConnectionAsync();
        return await connection.ScalarAsync<long>(sql, parameters);
    }

    public async Task<List<object?[]>> RowsAsync(string sql, params object?[] parameters)
    {
        await using var connection = await _warehouse.OpenConnectionAsync();
        return await connection.RowsAsync(sql, parameters);
    }

    public async ValueTask DisposeAsync()
    {
        await _warehouse.DisposeAsync();
        await _test.DisposeAsync();
        Directory.Delete(Folder, recursive: true);
    }
}
