using ImpactMeasure.Etl.Loading;
using ImpactMeasure.Warehouse.Sql;

namespace ImpactMeasure.Etl.Tests;

public class SqlScriptUseTests
{
    [Fact]
    public void Every_embedded_warehouse_script_is_a_migration_a_check_or_run_by_the_etl()
    {
        var used = SqlScripts.Warehouse.Under("sql/00_schema/")
            .Concat(SqlScripts.Warehouse.Under("sql/checks/"))
            .Concat(MartScripts.All);

        SqlScripts.Warehouse.Paths.Should().BeEquivalentTo(used);
    }
}
