using ImpactMeasure.Testing;

namespace ImpactMeasure.Cli.Tests;

/// <summary>Report arguments that could write outside the output folder are refused before anything is opened; an
/// area the warehouse does not know is refused before anything is written.</summary>
public class ReportArgumentTests
{
    [Theory]
    [InlineData("metrics")]
    [InlineData("monthly")]
    public async Task An_area_that_is_not_a_code_is_refused(string report)
    {
        var outside = Path.Combine(Path.GetTempPath(), $"impact-area-{Guid.NewGuid():N}");

        var run = await CliRun.RunAsync("report", report, "--period", "2025-09", "--area", "../../../../" + outside + "/x", "-w", "duckdb:" + outside + ".duckdb");

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("is not an area code");
        Directory.Exists(outside).Should().BeFalse();
        File.Exists(outside + ".duckdb").Should().BeFalse();
    }

    [Theory, EveryEngine]
    public async Task An_area_the_warehouse_does_not_know_is_refused_naming_the_nearest_codes(string engine)
    {
        await using var test = await TestWarehouse.CreateMigratedAsync(engine);
        var reference = Path.Combine(RepositoryRoot.Path, "sample-data", "sample", "reference");
        (await CliRun.RunAsync("ingest", "-w", test.Uri, reference)).ExitCode.Should().Be(ExitCodes.Ok);
        var folder = Path.Combine(Path.GetTempPath(), $"impact-area-{Guid.NewGuid():N}");

        var metrics = await CliRun.RunAsync("report", "metrics", "--period", "2025-09", "--area", "U1000", "--out", folder, "-w", test.Uri);
        var monthly = await CliRun.RunAsync("report", "monthly", "--period", "2025-09", "--area", "U1000", "--out", Path.Combine(folder, "p.xlsx"), "-w", test.Uri);
        var known = await CliRun.RunAsync("report", "metrics", "--period", "2025-09", "--area", "U10001", "--out", folder, "--allow-incomplete", "-w", test.Uri);

        foreach (var run in new[] { metrics, monthly })
        {
            run.ExitCode.Should().Be(ExitCodes.Usage, run.Error);
            run.Error.Should().Contain("--area 'U1000' is no practice, PCN, sub-ICB or ICB in the warehouse; nearest codes: U10001");
        }
        known.ExitCode.Should().Be(ExitCodes.Ok, known.Out + known.Error);
        Directory.Delete(folder, recursive: true);
    }

    [Theory, EveryEngine]
    public async Task A_month_without_gpad_data_is_refused_unless_allowed_and_then_marked_provisional(string engine)
    {
        await using var test = await TestWarehouse.CreateMigratedAsync(engine);
        var reference = Path.Combine(RepositoryRoot.Path, "sample-data", "sample", "reference");
        (await CliRun.RunAsync("ingest", "-w", test.Uri, reference)).ExitCode.Should().Be(ExitCodes.Ok);
        var folder = Path.Combine(Path.GetTempPath(), $"impact-month-{Guid.NewGuid():N}");

        var refused = await CliRun.RunAsync("report", "metrics", "--period", "2026-03", "--out", folder, "-w", test.Uri);
        var pack = await CliRun.RunAsync("report", "monthly", "--period", "2026-03", "--out", Path.Combine(folder, "p.xlsx"), "-w", test.Uri);
        var allowed = await CliRun.RunAsync("report", "metrics", "--period", "2026-03", "--out", folder, "--allow-incomplete", "-w", test.Uri);

        foreach (var run in new[] { refused, pack })
        {
            run.ExitCode.Should().Be(ExitCodes.InputRejected, run.Error);
            run.Error.Should().Contain("2026-03 is incomplete: 0 of 60 practices have GPAD appointments").And.Contain("--allow-incomplete");
        }
        File.Exists(Path.Combine(folder, "p.xlsx")).Should().BeFalse("nothing is written for a refused month");
        allowed.ExitCode.Should().Be(ExitCodes.Ok, allowed.Out + allowed.Error);
        File.ReadLines(Directory.GetFiles(folder, "*.csv").First()).First().Should().Contain("PROVISIONAL, INCOMPLETE DATA: 2026-03 is incomplete");
        Directory.Delete(folder, recursive: true);
    }

    [Theory, EveryEngine]
    public async Task Earlier_output_is_never_replaced_without_force(string engine)
    {
        await using var test = await TestWarehouse.CreateMigratedAsync(engine);
        var reference = Path.Combine(RepositoryRoot.Path, "sample-data", "sample", "reference");
        (await CliRun.RunAsync("ingest", "-w", test.Uri, reference)).ExitCode.Should().Be(ExitCodes.Ok);
        var folder = Path.Combine(Path.GetTempPath(), $"impact-force-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var earlier = Path.Combine(folder, "freed_gp_time.csv");
        File.WriteAllText(earlier, "an earlier release");
        var pack = Path.Combine(folder, "p.xlsx");
        File.WriteAllText(pack, "an earlier pack");

        var metrics = await CliRun.RunAsync("report", "metrics", "--period", "2025-09", "--out", folder, "--allow-incomplete", "-w", test.Uri);
        var monthly = await CliRun.RunAsync("report", "monthly", "--period", "2025-09", "--out", pack, "--allow-incomplete", "-w", test.Uri);

        foreach (var run in new[] { metrics, monthly })
        {
            run.ExitCode.Should().Be(ExitCodes.Usage, run.Error);
            run.Error.Should().Contain("already holds").And.Contain("pass --force to replace");
        }
        File.ReadAllText(earlier).Should().Be("an earlier release");
        File.ReadAllText(pack).Should().Be("an earlier pack");

        var forced = await CliRun.RunAsync("report", "metrics", "--period", "2025-09", "--out", folder, "--allow-incomplete", "--force", "-w", test.Uri);
        forced.ExitCode.Should().Be(ExitCodes.Ok, forced.Error);
        File.ReadAllText(earlier).Should().StartWith("#");
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public void An_unattended_rerun_writes_beside_the_first_release()
    {
        var folder = Directory.CreateTempSubdirectory("impact-fresh-").FullName;
        var pack = Path.Combine(folder, "pack.xlsx");
        var now = new DateTimeOffset(2025, 10, 8, 9, 30, 0, TimeSpan.Zero);

        Commands.OutputGuard.Fresh(pack, now).Should().Be(pack);
        File.WriteAllText(pack, "first");
        var second = Commands.OutputGuard.Fresh(pack, now);
        File.WriteAllText(second, "second");
        var third = Commands.OutputGuard.Fresh(pack, now);

        Path.GetFileName(second).Should().Be("pack (run 2025-10-08 093000).xlsx");
        Path.GetFileName(third).Should().Be("pack (run 2025-10-08 093000, 2).xlsx");
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task A_missing_warehouse_says_how_to_name_one()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"impact-missing-{Guid.NewGuid():N}.duckdb");

        var run = await CliRun.RunAsync("report", "monthly", "--period", "2025-09", "--out", missing + ".xlsx", "-w", "duckdb:" + missing);

        run.ExitCode.Should().Be(ExitCodes.Failed);
        run.Error.Should().Contain($"no warehouse at {missing}").And.Contain("-w duckdb:out/impact.duckdb").And.Contain("impact init");
        File.Exists(missing).Should().BeFalse("a report never creates a warehouse");
    }

    [Fact]
    public async Task A_period_that_is_not_a_month_is_a_usage_error()
    {
        var run = await CliRun.RunAsync("report", "monthly", "--period", "2025-13", "-w", "duckdb::memory:");

        run.ExitCode.Should().Be(ExitCodes.Usage);
        run.Error.Should().Contain("--period '2025-13' is not a month");
    }

    [Fact]
    public async Task A_pack_out_that_is_not_an_xlsx_file_is_a_usage_error()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"impact-pack-{Guid.NewGuid():N}");

        var run = await CliRun.RunAsync("report", "monthly", "--period", "2025-09", "--out", folder, "-w", "duckdb::memory:");

        run.ExitCode.Should().Be(ExitCodes.Usage);
        run.Error.Should().Contain($"--out '{folder}' is not an .xlsx file").And.Contain("--each-pcn");
        Directory.Exists(folder).Should().BeFalse();
    }

    [Fact]
    public async Task A_benchmark_pack_of_every_pcn_needs_one_peer_group()
    {
        var run = await CliRun.RunAsync("report", "benchmark", "--period", "2025-09", "--peers", "icb", "--out", "pack.xlsx", "-w", "duckdb::memory:");

        run.ExitCode.Should().Be(ExitCodes.Usage);
        run.Error.Should().Contain("a funnel compares one peer group").And.Contain("--pcn");
    }
}
