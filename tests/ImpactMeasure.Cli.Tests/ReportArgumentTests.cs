namespace ImpactMeasure.Cli.Tests;

/// <summary>Report arguments that could write outside the output folder are refused before anything is opened.</summary>
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
}
