using ImpactMeasure.Testing;
using ImpactMeasure.Warehouse.Sql;

namespace ImpactMeasure.Warehouse.Tests;

public class EngineParityTests
{
    [Fact]
    public async Task Both_engines_end_up_with_the_same_tables_columns_types_and_seeded_rows()
    {
        await using var duck = await TestWarehouse.CreateMigratedAsync(EngineNames.DuckDb);
        await using var pg = await TestWarehouse.CreateMigratedAsync(EngineNames.Postgres);
        await using var duckWarehouse = await duck.OpenAsync();
        await using var pgWarehouse = await pg.OpenAsync();

        // applied_at differs by the clock; versions and checksums are compared by MigrationTests.
        static bool Rows(string table) => table != "schema_version";
        var duckSnapshot = await WarehouseSnapshot.TakeAsync(duckWarehouse, Rows);
        var pgSnapshot = await WarehouseSnapshot.TakeAsync(pgWarehouse, Rows);

        pgSnapshot.Keys.Should().Equal(duckSnapshot.Keys);
        foreach (var table in duckSnapshot.Keys)
            pgSnapshot[table].Should().Equal(duckSnapshot[table], $"table {table} should match");
        (await ColumnTypesAsync(pgWarehouse)).Should().Equal(await ColumnTypesAsync(duckWarehouse));
        duckSnapshot["dim_date"].Should().HaveCount(1 + 7671, "a header line, the Unknown member and 7,670 days");
    }

    private static async Task<List<string>> ColumnTypesAsync(Warehouse warehouse)
    {
        await using var connection = await warehouse.OpenConnectionAsync();
        var rows = await connection.RowsAsync(
            """
            select table_name, column_name, data_type, numeric_precision, numeric_scale
            from information_schema.columns
            where table_schema = current_schema()
            order by table_name, ordinal_position
            """);
        return rows.Select(r => $"{r[0]}.{r[1]}:{Canonical((string)r[2]!, r[3], r[4])}").ToList();
    }

    private static string Canonical(string type, object? precision, object? scale) => type.ToLowerInvariant() switch
    {
        "character varying" or "varchar" => "text",
        "timestamp without time zone" or "timestamp" => "timestamp",
        var t when t.StartsWith("decimal", StringComparison.Ordinal) || t == "numeric" => $"numeric({precision},{scale})",
        var t => t,
    };
}
