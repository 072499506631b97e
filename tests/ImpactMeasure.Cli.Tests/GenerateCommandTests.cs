namespace ImpactMeasure.Cli.Tests;

public class GenerateCommandTests
{
    [Fact]
    public async Task Generate_writes_the_files_and_prints_rows_and_throughput()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"impact-generate-{Guid.NewGuid():N}");
        try
        {
            var run = await CliRun.RunAsync("generate", "--out", folder, "--practices", "9", "--months", "2", "--start", "2025-01", "--seed", "3");

            run.ExitCode.Should().Be(ExitCodes.Ok, run.Error);
            run.Out.Should().Contain("gpad-practice-crosstab").And.MatchRegex(@"Wrote [\d,]+ rows .* rows/s, peak memory");
            File.Exists(Path.Combine(folder, "gpad", "practice-level-crosstab-2025-02.csv")).Should().BeTrue();
            File.ReadAllText(Path.Combine(folder, "truth.json")).Should().Contain("\"seed\": 3");
        }
        finally
        {
            if (Directory.Exists(folder))
                Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("--start", "2025-13")]
    [InlineData("--practices", "1")]
    [InlineData("--representation-rate", "1.5")]
    [InlineData("--overload-rate", "-0.1")]
    [InlineData("--gp-rate-after-referral", "9")]
    public async Task Bad_options_are_refused_as_usage_errors(string option, string value)
    {
        var run = await CliRun.RunAsync("generate", "--out", Path.GetTempPath(), option, value);

        run.ExitCode.Should().Be(ExitCodes.Usage);
        run.Error.Should().StartWith("impact: error:");
    }

    [Fact]
    public async Task Generate_needs_an_output_folder()
    {
        (await CliRun.RunAsync("generate")).ExitCode.Should().Be(ExitCodes.Usage);
    }
}
