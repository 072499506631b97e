using System.Diagnostics;
using ImpactMeasure.Cli.Commands;
using ImpactMeasure.SampleData;
using ImpactMeasure.Testing;
using ImpactMeasure.Warehouse.Sql;

namespace ImpactMeasure.Cli.Tests;

public class KilledLoadTests
{
    [Theory, EveryEngine]
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

    /// <summary>Kills at many points — early, midway, and after the last row at growing delays, which lands inside
    /// the commit — and asserts after each that the warehouse holds the whole file or nothing (no orphaned facts,
    /// which the data checks would name), then that the next run loads it exactly once.</summary>
    [Theory, EveryEngine]
    public async Task A_load_killed_at_any_point_leaves_all_or_nothing_and_the_next_run_loads_it_once(string engine)
    {
        await using var test = await TestWarehouse.CreateMigratedAsync(engine);
        var folder = Directory.CreateTempSubdirectory("impact-kill-").FullName;
        try
        {
            const int rows = 200_000;
            var csv = Path.Combine(folder, "big.csv");
            BenchmarkExtract.WriteCrosstab(csv, rows, seed: 3);
            var points = new (int Lines, int DelayMs)[] { (1, 0), (100, 0), (200, 0), (200, 50), (200, 150), (200, 400), (200, 900) };
            foreach (var (lines, delay) in points)
            {
                await StartAndKillAsync(test.Uri, csv, lines, delay);
                var facts = await CountAsync(test, "select count(*) from fact_appointments");
                var loaded = await CountAsync(test, "select count(*) from etl_load_batch where status = 'loaded'");
                (facts, loaded).Should().BeOneOf([(0L, 0L), (rows, 1L)], $"killed after {lines} progress lines and {delay} ms");
                (await CountAsync(test, "select count(*) from fact_appointments where load_batch_id not in (select load_batch_id from etl_load_batch where status = 'loaded')"))
                    .Should().Be(0, "no fact may outlive its batch");
                if (loaded == 1)
                    break; // the kill came after the commit: the rerun below must find it loaded
            }

            var rerun = await CliRun.RunAsync("ingest", "--warehouse", test.Uri, csv);

            rerun.ExitCode.Should().Be(ExitCodes.Ok, rerun.Out + rerun.Error);
            (await CountAsync(test, "select count(*) from fact_appointments")).Should().Be(rows);
            (await CountAsync(test, "select count(*) from etl_load_batch where status = 'loaded'")).Should().Be(1);
            var check = await CliRun.RunAsync("check", "--warehouse", test.Uri);
            check.ExitCode.Should().Be(ExitCodes.Ok, check.Out + check.Error);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task StartAndKillAsync(string uri, string csv, int progressLines, int delayMs)
    {
        var info = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "impact.dll"), "ingest", "--warehouse", uri, csv])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        info.Environment[IngestCommand.ProgressEveryVariable] = "1000";
        using var process = Process.Start(info)!;
        var seen = 0;
        while (seen < progressLines && await process.StandardError.ReadLineAsync() is { } line)
        {
            if (line.Contains("rows", StringComparison.Ordinal))
                seen++;
        }
        await Task.Delay(delayMs);
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
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
