using System.Diagnostics;
using ImpactMeasure.Cli.Commands;
using ImpactMeasure.SampleData;
using ImpactMeasure.Testing;
using ImpactMeasure.Warehouse.Sql;

namespace ImpactMeasure.Cli.Tests;

public class KilledLoadTests
{
    [Theory, BothEngines]
    public async Task A_load_killed_midway_leaves_nothing_and_a_rerun_loads_the_file_once(string engine)
    {
        await using var test = await TestWarehouse.CreateMigratedAsync(engine);
        var folder = Path.Combine(Path.GetTempPath(), $"impact-kill-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            var csv = Path.Combine(folder, "big.csv");
            BenchmarkExtract.WriteCrosstab(csv, 300_000, seed: 2);

            var progressLine = await StartAndKillAfterFirstProgressAsync(test.Uri, csv);

            progressLine.Should().Contain("big.csv: ", "the load was under way when it was killed");
            (await CountAsync(test, "select count(*) from fact_appointments")).Should().Be(0);
            (await CountAsync(test, "select count(*) from etl_load_batch")).Should().Be(0);

            var rerun = await CliRun.RunAsync("ingest", "--warehouse", test.Uri, csv);

            rerun.ExitCode.Should().Be(ExitCodes.Ok, rerun.Out + rerun.Error);
            (await CountAsync(test, "select count(*) from fact_appointments")).Should().Be(300_000);
            (await CountAsync(test, "select count(*) from etl_load_batch where status = 'loaded'")).Should().Be(1);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<string?> StartAndKillAfterFirstProgressAsync(string uri, string csv)
    {
        var info = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "impact.dll"), "ingest", "--warehouse", uri, csv])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        info.Environment[IngestCommand.ProgressEveryVariable] = "1000";
        using var process = Process.Start(info)!;
        string? line;
        while ((line = await process.StandardError.ReadLineAsync()) is not null && !line.Contains("rows", StringComparison.Ordinal))
        {
        }
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        return line;
    }

    private static async Task<long> CountAsync(TestWarehouse test, string sql)
    {
        await using var warehouse = await test.OpenAsync();
        await using var connection = await warehouse.OpenConnectionAsync();
        return await connection.ScalarAsync<long>(sql);
    }
}
