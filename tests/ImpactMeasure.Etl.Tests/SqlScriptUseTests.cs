using ImpactMeasure.Etl.Batches;
using ImpactMeasure.Etl.Formats;
using ImpactMeasure.Etl.Loading;
using ImpactMeasure.Etl.Parsing;
using ImpactMeasure.Warehouse.Sql;

namespace ImpactMeasure.Etl.Tests;

public class SqlScriptUseTests
{
    [Fact]
    public void Every_embedded_warehouse_script_is_a_migration_a_check_or_the_citus_distribution()
    {
        SqlScripts.Warehouse.Paths.Should().BeEquivalentTo(
            SqlScripts.Warehouse.Under("sql/00_schema/").Concat(SqlScripts.Warehouse.Under("sql/checks/")).Append(Warehouse.Engines.CitusDistribution.Script));
    }

    [Fact]
    public void Every_embedded_etl_script_is_declared_by_its_format_or_the_batch_bookkeeping_and_exists()
    {
        var declared = FormatCatalog.All.SelectMany(f => f.Scripts)
            .Concat(LoadBatches.Scripts)
            .Concat([PracticeKeys.VersionsScript, GpadVocabulary.LabelsScript, GpadVocabulary.AliasesScript])
            .Distinct()
            .ToList();

        EtlSql.Scripts.Paths.Should().BeEquivalentTo(declared);
        FormatCatalog.All.Where(f => f.Scripts.Count > 0).Should().OnlyContain(f =>
            f.Scripts.All(s => s.StartsWith("Formats/", StringComparison.Ordinal)), "a format's SQL sits in its own folder");
    }
}
