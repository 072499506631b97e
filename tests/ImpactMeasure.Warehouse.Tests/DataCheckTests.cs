using ImpactMeasure.Testing;
using ImpactMeasure.Warehouse.Checks;
using ImpactMeasure.Warehouse.Sql;

namespace ImpactMeasure.Warehouse.Tests;

public class DataCheckTests
{
    [Theory, EveryEngine]
    public async Task A_fresh_warehouse_passes_every_check(string engine)
    {
        await using var test = await TestWarehouse.CreateMigratedAsync(engine);
        await using var warehouse = await test.OpenAsync(WarehouseAccess.ReadOnly);

        var results = await new DataChecks(warehouse).RunAllAsync();

        results.Select(r => r.Name).Should().Equal(DataChecks.Names).And.HaveCountGreaterThanOrEqualTo(8);
        results.Should().OnlyContain(r => r.Passed);
    }

    [Theory, EveryEngine]
    public async Task A_broken_rule_fails_its_check_with_a_sample_of_offending_rows(string engine)
    {
        await using var test = await TestWarehouse.CreateMigratedAsync(engine);
        await using var warehouse = await test.OpenAsync();
        await using (var connection = await warehouse.OpenConnectionAsync())
        {
            await connection.ExecuteAsync(
                """
                insert into dim_practice (practice_key, practice_code, valid_from, valid_to, is_current) values
                    (1, 'A81001', date '2024-01-01', date '9999-12-31', true),
                    (2, 'A81001', date '2025-01-01', date '9999-12-31', true)
                """);
            await connection.ExecuteAsync(
                "insert into fact_appointments values (77, 20250101, 0, 5, 1)");
        }

        var results = (await new DataChecks(warehouse).RunAllAsync()).ToDictionary(r => r.Name);

        results["assert_dim_practice__one_current_version"].OffendingRows.Should().Be(1);
        results["assert_dim_practice__one_current_version"].Sample[0][0].Should().Be("A81001");
        results["assert_dim_practice__no_overlapping_versions"].Passed.Should().BeFalse();
        results["assert_fact_appointments__keys_resolve"].Columns.Should().Contain("practice_key");
        results["assert_fact_appointments__keys_resolve"].Passed.Should().BeFalse();
        results["assert_dim_date__one_row_per_day"].Passed.Should().BeTrue();
    }
}
