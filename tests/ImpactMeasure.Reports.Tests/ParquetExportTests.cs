using DuckDB.NET.Data;
using ImpactMeasure.Reports.Export;
using ImpactMeasure.Testing;

namespace ImpactMeasure.Reports.Tests;

/// <summary>The Parquet lake read back by a second reader (a fresh DuckDB's read_parquet with Hive partitioning):
/// every fact's rows per year, month and practice equal the warehouse's, on both engines; a second export with nothing
/// loaded in between rewrites no month and leaves every file as it was.</summary>
[Collection(SampleWarehouseGroup.Name)]
public class ParquetExportTests(SampleWarehouses sample)
{
    [Theory, BothEngines]
    public async Task The_lake_read_back_matches_the_warehouse_per_month_and_practice_and_a_rerun_rewrites_nothing(string engine)
    {
        var folder = Directory.CreateTempSubdirectory("impact-lake-").FullName;
        try
        {
            await using var warehouse = await sample[engine].OpenAsync(ImpactMeasure.Warehouse.WarehouseAccess.ReadOnly);
            var first = await new ParquetExport(warehouse).RunAsync(folder);
            await using var connection = await warehouse.OpenConnectionAsync();
            using var reader = new DuckDBConnection("DataSource=:memory:");
            await reader.OpenAsync();

            foreach (var fact in new[] { "fact_signpost", "fact_appointments", "fact_wellbeing" })
            {
                var expected = await Totals(connection,
                    $"select cast((date_key - date_key % 10000) / 10000 as integer), cast(((date_key % 10000) - (date_key % 100)) / 100 as integer), practice_key, count(*) from {fact} group by 1, 2, 3");
                var lake = await Totals(reader,
                    $"select year, month, practice_key, count(*) from read_parquet('{Path.Combine(folder, fact)}/**/*.parquet', hive_partitioning = true) group by 1, 2, 3");
                expected.Should().NotBeEmpty();
                lake.Should().BeEquivalentTo(expected, $"{fact} per year, month and practice");
            }
            (await Totals(reader, $"select 0, 0, 0, count(*) from read_parquet('{Path.Combine(folder, "dim_practice", "data.parquet")}')")).Single().Value
                .Should().Be(first.Tables.Single(t => t.Name == "dim_practice").Rows);

            var second = await new ParquetExport(warehouse).RunAsync(folder);

            second.Tables.Sum(t => t.MonthsWritten).Should().Be(0, "nothing was loaded in between");
            first.Tables.Sum(t => t.MonthsWritten).Should().BeGreaterThan(20);
            second.Tables.Where(t => t.Name.StartsWith("fact_", StringComparison.Ordinal)).SelectMany(t => t.Files)
                .Should().BeEquivalentTo(first.Tables.Where(t => t.Name.StartsWith("fact_", StringComparison.Ordinal)).SelectMany(t => t.Files), "the same files, byte for byte");
            ExportManifest.Read(Path.Combine(folder, ParquetExport.ManifestName))!.SchemaVersion.Should().BeGreaterThan(0);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<Dictionary<(int, int, long), long>> Totals(System.Data.Common.DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var totals = new Dictionary<(int, int, long), long>();
        while (await reader.ReadAsync())
        {
            totals[(Convert.ToInt32(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture), Convert.ToInt32(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture),
                Convert.ToInt64(reader.GetValue(2), System.Globalization.CultureInfo.InvariantCulture))] = Convert.ToInt64(reader.GetValue(3), System.Globalization.CultureInfo.InvariantCulture);
        }
        return totals;
    }
}
