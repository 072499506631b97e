using System.Globalization;
using System.Text.RegularExpressions;
using ImpactMeasure.Testing;
using ImpactMeasure.Warehouse.Engines;

namespace ImpactMeasure.Cli.Tests;

/// <summary>The scale-out benchmarks run end to end on real servers: <c>impact bench citus</c> on the harness's
/// three-node cluster against its single-node PostgreSQL (fresh databases on every node, dropped after; the metric
/// files byte-identical), and <c>impact bench export</c> on a DuckDB warehouse against DuckDB's own COPY … TO.</summary>
public class BenchScaleOutTests
{
    [Fact]
    public async Task Bench_citus_times_ingest_and_metrics_on_the_cluster_against_single_node_and_finds_the_same_metrics()
    {
        var coordinator = CitusCluster.Instance.CreateDatabase("impact_bench");
        try
        {
            var run = await CliRun.RunAsync("bench", "citus", "--cluster", coordinator, "-w", PostgresServer.Instance.AdminConnectionString,
                "--rows", "20000", "--extracts", Path.Combine(RepositoryRoot.Path, "sample-data", "sample"), "--period", "2025-09", "--months", "3");

            run.ExitCode.Should().Be(ExitCodes.Ok, run.Error + run.Out);
            run.Out.Should().Contain("a coordinator and 2 workers").And.Contain("ingest of 20,000 GPAD crosstab rows").And.Contain("byte-identical on both");
            foreach (var ratio in new[] { "ratio cluster / single ingest:", "ratio cluster / single COPY:", "ratio cluster / single, load:", "ratio cluster / single, metrics:" })
                Ratio(run.Out, ratio).Should().BePositive(ratio);
            (await CitusDatabases.WorkersAsync(coordinator)).Should().HaveCount(2, "the given database is left as it was");
        }
        finally
        {
            CitusCluster.DropDatabase(coordinator);
        }
    }

    [Fact]
    public async Task Bench_export_times_the_parquet_export_against_duckdb_copy_to_and_refuses_other_engines()
    {
        await using var test = TestWarehouse.Create(EngineNames.DuckDb);
        (await CliRun.RunAsync("init", "-w", test.Uri)).ExitCode.Should().Be(ExitCodes.Ok);
        (await CliRun.RunAsync("ingest", "-w", test.Uri, Path.Combine(RepositoryRoot.Path, "sample-data", "sample"))).ExitCode.Should().Be(ExitCodes.Ok);

        var run = await CliRun.RunAsync("bench", "export", "-w", test.Uri);

        run.ExitCode.Should().Be(ExitCodes.Ok, run.Error);
        run.Out.Should().Contain("impact export:").And.Contain("DuckDB COPY … TO:").And.Contain("incremental rerun:");
        Ratio(run.Out, "ratio:").Should().BePositive();
        var postgres = await CliRun.RunAsync("bench", "export", "-w", PostgresServer.Instance.AdminConnectionString);
        postgres.ExitCode.Should().Be(ExitCodes.Usage);
        postgres.Error.Should().Contain("DuckDB's own COPY … TO, which reads a DuckDB warehouse");
    }

    private static double Ratio(string output, string label)
    {
        var match = Regex.Match(output, Regex.Escape(label) + @"\s+([0-9.]+)");
        match.Success.Should().BeTrue($"the output has '{label}' with a number: {output}");
        return double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }
}
