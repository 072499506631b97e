using System.Text.Json;
using ImpactMeasure.Etl;
using ImpactMeasure.Testing;

namespace ImpactMeasure.Reports.Tests;

/// <summary>The committed sample set loaded once into a DuckDB and a PostgreSQL warehouse for the report tests.</summary>
public sealed class SampleWarehouses : IAsyncLifetime
{
    private readonly Dictionary<string, TestWarehouse> _warehouses = [];

    public static string SampleFolder => Path.Combine(RepositoryRoot.Path, "sample-data", "sample");

    public static JsonElement Truth { get; } = JsonDocument.Parse(File.ReadAllText(Path.Combine(SampleFolder, "truth.json"))).RootElement;

    public TestWarehouse this[string engine] => _warehouses[engine];

    public async Task InitializeAsync()
    {
        foreach (var engine in EngineNames.All)
        {
            var test = await TestWarehouse.CreateMigratedAsync(engine);
            await using (var warehouse = await test.OpenAsync())
            {
                var results = await new Ingestor(warehouse, new EtlOptions()).IngestAsync([SampleFolder]);
                results.Should().OnlyContain(r => r.Status == LoadStatus.Loaded || r.Status == LoadStatus.NoRows || r.Status == LoadStatus.AlreadyLoaded);
            }
            _warehouses[engine] = test;
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var test in _warehouses.Values)
            await test.DisposeAsync();
    }

    /// <summary>Runs the metrics for a window on one engine.</summary>
    public async Task<MetricsResult> MetricsAsync(string engine, string period, int months, bool suppress, MethodParameters? parameters = null, string? area = null)
    {
        await using var warehouse = await this[engine].OpenAsync(ImpactMeasure.Warehouse.WarehouseAccess.ReadOnly);
        var window = ReportWindow.Ending(DateOnly.ParseExact(period + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), months, area);
        return await new MetricsReport(warehouse, parameters ?? new MethodParameters()).RunAsync(window, suppress);
    }
}

[CollectionDefinition(Name)]
public sealed class SampleWarehouseGroup : ICollectionFixture<SampleWarehouses>
{
    public const string Name = "sample warehouses";
}
