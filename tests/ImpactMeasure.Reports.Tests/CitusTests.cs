using ImpactMeasure.Etl;
using ImpactMeasure.Reports.Benchmark;
using ImpactMeasure.Testing;
using ImpactMeasure.Warehouse;
using ImpactMeasure.Warehouse.Engines;
using ImpactMeasure.Warehouse.Migrations;
using ImpactMeasure.Warehouse.Sql;

namespace ImpactMeasure.Reports.Tests;

/// <summary>The warehouse on a real Citus cluster (a coordinator and two workers the harness starts): the same
/// migrations, distributed by <c>impact init --citus</c>'s step; the sample loads through the unchanged ETL; the
/// facts are spread over both workers; and the metric files, the benchmark and the matched model are byte-identical
/// (or equal) to single-node PostgreSQL's, and the metric files to DuckDB's, on the same sample.</summary>
[Collection(SampleWarehouseGroup.Name)]
public class CitusTests(SampleWarehouses sample)
{
    [Fact]
    public async Task The_sample_on_a_three_node_cluster_is_spread_over_both_workers_and_reports_as_single_node_postgres_does()
    {
        var connectionString = CitusCluster.Instance.CreateDatabase("impact_citus");
        await using var warehouse = await ImpactMeasure.Warehouse.Warehouse.OpenAsync(WarehouseLocation.Parse(connectionString), WarehouseAccess.Create);
        await new Migrator(warehouse).MigrateAsync();
        await using (var connection = await warehouse.OpenConnectionAsync())
            (await CitusDistribution.DistributeAsync(connection)).Should().Be((true, (string?)null));
        var results = await new Ingestor(warehouse, new EtlOptions()).IngestAsync([SampleWarehouses.SampleFolder]);
        results.Should().OnlyContain(r => r.Status == LoadStatus.Loaded || r.Status == LoadStatus.NoRows, string.Join("; ", results.Select(r => r.Message)));

        await using (var connection = await warehouse.OpenConnectionAsync())
        {
            foreach (var fact in new[] { "fact_appointments", "fact_signpost", "fact_patient_appointment", "dim_registered_patient" })
            {
                var perWorker = await connection.RowsAsync(
                    $"select s.nodeport, sum(r.result::bigint) from run_command_on_shards('{fact}', 'select count(*) from %s') as r inner join citus_shards as s on s.shardid = r.shardid group by s.nodeport order by 1");
                perWorker.Select(r => Convert.ToInt32(r[0], System.Globalization.CultureInfo.InvariantCulture)).Should().BeEquivalentTo(CitusCluster.Instance.WorkerPorts, fact);
                perWorker.Should().OnlyContain(r => Convert.ToInt64(r[1], System.Globalization.CultureInfo.InvariantCulture) > 0, $"{fact} has rows on both workers");
            }
        }

        var window = ReportWindow.Ending(new DateOnly(2025, 9, 1), 12, null);
        var folder = Path.Combine(Path.GetTempPath(), $"impact-citus-{Guid.NewGuid():N}");
        try
        {
            (await new MetricsReport(warehouse, new MethodParameters()).RunAsync(window)).WriteCsv(Path.Combine(folder, "citus"));
            (await sample.MetricsAsync(EngineNames.Postgres, "2025-09", 12, suppress: true)).WriteCsv(Path.Combine(folder, "pg"));
            (await sample.MetricsAsync(EngineNames.DuckDb, "2025-09", 12, suppress: true)).WriteCsv(Path.Combine(folder, "duckdb"));
            var files = Directory.GetFiles(Path.Combine(folder, "citus"));
            files.Should().HaveCount(8);
            foreach (var file in files)
            {
                var name = Path.GetFileName(file);
                File.ReadAllBytes(Path.Combine(folder, "pg", name)).Should().Equal(File.ReadAllBytes(file), $"{name} from single-node PostgreSQL");
                File.ReadAllBytes(Path.Combine(folder, "duckdb", name)).Should().Equal(File.ReadAllBytes(file), $"{name} from DuckDB");
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        await using var single = await sample[EngineNames.Postgres].OpenAsync(WarehouseAccess.ReadOnly);
        var citusBenchmark = await new BenchmarkReport(warehouse, new MethodParameters()).RunAsync(window, "icb");
        var singleBenchmark = await new BenchmarkReport(single, new MethodParameters()).RunAsync(window, "icb");
        citusBenchmark.Table.Rows.Should().Equal(singleBenchmark.Table.Rows);
        var referrals = ReportWindow.Ending(new DateOnly(2025, 3, 1), 12, null);
        (await new Models.MatchedReport(warehouse).RunAsync(referrals)).Effect.Should().Be((await new Models.MatchedReport(single).RunAsync(referrals)).Effect);
    }
}
