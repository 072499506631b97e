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

    [Theory, BothEngines]
    public async Task An_area_the_warehouse_does_not_know_is_refused_naming_the_nearest_codes(string engine)
    {
        await using var test = await TestWarehouse.CreateMigratedAsync(engine);
        var reference = Path.Combine(RepositoryRoot.Path, "sample-data", "sample", "reference");
        (await CliRun.RunAsync("ingest", "-w", test.Uri, reference)).ExitCode.Should().Be(ExitCodes.Ok);
        var folder = Path.Combine(Path.GetTempPath(), $"impact-area-{Guid.NewGuid():N}");

        var metrics = await CliRun.RunAsync("report", "metrics", "--period", "2025-09", "--area", "U1000", "--out", folder, "-w", test.Uri);
        var monthly = await CliRun.RunAsync("report", "monthly", "--period", "2025-09", "--area", "U1000", "--out", Path.Combine(folder, "p.xlsx"), "-w", test.Uri);
        var known = await CliRun.RunAsync("report", "metrics", "--period", "2025-09", "--area", "U10001", "--out", folder, "-w", test.Uri);

        foreach (var run in new[] { metrics, monthly })
        {
            run.ExitCode.Should().Be(ExitCodes.Usage, run.Error);
            run.Error.Should().Contain("--area 'U1000' is no practice, PCN, sub-ICB or ICB in the warehouse; nearest codes: U10001");
        }
        known.ExitCode.Should().Be(ExitCodes.Ok, known.Out + known.Error);
        Directory.Delete(folder, recursive: true);
    }
}
