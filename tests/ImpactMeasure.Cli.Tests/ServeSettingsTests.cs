using ImpactMeasure.Cli.Service;

namespace ImpactMeasure.Cli.Tests;

/// <summary>`impact serve` and `impact status` find their warehouse as every command does.</summary>
public class ServeSettingsTests
{
    private static readonly ServeSettings FromFile = new() { Warehouse = "duckdb:from-impact-json.duckdb" };

    [Fact]
    public void The_command_line_wins_then_impact_warehouse_then_the_file()
    {
        FromFile.WithWarehouse("duckdb:cli.duckdb", "duckdb:env.duckdb").Warehouse.Should().Be("duckdb:cli.duckdb");
        FromFile.WithWarehouse(null, "duckdb:env.duckdb").Warehouse.Should().Be("duckdb:env.duckdb", "IMPACT_WAREHOUSE counts for serve and status as for every command");
        FromFile.WithWarehouse(null, null).Warehouse.Should().Be("duckdb:from-impact-json.duckdb");
        FromFile.WithWarehouse("", "").Warehouse.Should().Be("duckdb:from-impact-json.duckdb", "an empty value is no value");
    }
}
