namespace ImpactMeasure.Cli.Tests;

/// <summary><c>impact bench models</c> prints one row per estimator and planted effect with its seed, coverage,
/// significance and bias, and refuses a study too small to mean anything.</summary>
public class BenchModelsTests
{
    [Fact]
    public async Task The_simulation_study_prints_every_estimator_and_planted_effect()
    {
        var run = await CliRun.RunAsync("bench", "models", "--trials", "20");

        run.ExitCode.Should().Be(ExitCodes.Ok, run.Error);
        run.Out.Split('\n').Count(l => l.Contains(" of 20 (", StringComparison.Ordinal)).Should().Be(9);
        run.Out.Should().Contain("interrupted time series").And.Contain("staggered difference in differences").And.Contain("matched before/after")
            .And.Contain("20 simulated data sets per row");
    }

    [Fact]
    public async Task Fewer_than_20_trials_is_a_usage_error()
    {
        var run = await CliRun.RunAsync("bench", "models", "--trials", "5");

        run.ExitCode.Should().Be(ExitCodes.Usage);
        run.Error.Should().Contain("--trials 5: expected at least 20");
    }
}
