using ImpactMeasure.Cli.Commands;
using ImpactMeasure.Testing;

namespace ImpactMeasure.Cli.Tests;

/// <summary>The README's two opening commands are the ones that work (as Sep's ReadMeTest does it).</summary>
public class ReadmeTests
{
    private static readonly string Readme = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "README.md"));

    [Fact]
    public void The_readme_opens_with_the_run_and_test_commands()
    {
        var firstBlock = Readme.Split("```")[1];

        firstBlock.Should().Contain("dotnet run --project cli/ImpactMeasure.Cli -- demo");
        firstBlock.Should().Contain("dotnet test ImpactMeasure.sln");
        File.ReadAllText(Path.Combine(RepositoryRoot.Path, ".ci", "run")).Should().Contain("dotnet test ImpactMeasure.sln");
    }

    [Fact]
    public async Task The_demo_runs_with_no_options_and_builds_a_checked_warehouse()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"impact-demo-{Guid.NewGuid():N}");
        try
        {
            using var output = new StringWriter();
            using var error = new StringWriter();
            var code = await DemoCommand.RunAsync(folder, ImpactMeasure.Warehouse.Configuration.ImpactConfiguration.Empty, new CliOutput(output, error), CancellationToken.None);
            var second = await DemoCommand.RunAsync(folder, ImpactMeasure.Warehouse.Configuration.ImpactConfiguration.Empty, new CliOutput(output, error), CancellationToken.None);

            code.Should().Be(ExitCodes.Ok, error.ToString());
            second.Should().Be(ExitCodes.Ok, "a demo rebuilds its warehouse from scratch");
            File.Exists(Path.Combine(folder, "impact.duckdb")).Should().BeTrue();
            File.Exists(Path.Combine(folder, "impact-monthly-pack-all-2025-09.xlsx")).Should().BeTrue();
            Directory.GetFiles(Path.Combine(folder, "metrics"), "*.csv").Should().HaveCount(8);
            File.Exists(Path.Combine(folder, "benchmark", "impact-benchmark-pack-u10001-2025-09.xlsx")).Should().BeTrue("the demo writes the first PCN's benchmarking pack");
            File.Exists(Path.Combine(folder, "models", "impact-models-2025-09.xlsx")).Should().BeTrue("and the researcher's workbook");
            output.ToString().Should().Contain("0 failed");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
