using ImpactMeasure.Testing;

namespace ImpactMeasure.Reports.Tests;

/// <summary>The metric CSVs for the sample data, compared with committed golden files (set IMPACT_UPDATE_GOLDEN=1
/// to rewrite them after a deliberate change, and review the diff).</summary>
[Collection(SampleWarehouseGroup.Name)]
public class GoldenFileTests(SampleWarehouses sample)
{
    private static readonly string Golden = Path.Combine(RepositoryRoot.Path, "tests", "ImpactMeasure.Reports.Tests", "golden", "metrics-2025-09-12m");

    [Fact]
    public async Task Every_metric_file_matches_its_golden_copy()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"impact-golden-{Guid.NewGuid():N}");
        try
        {
            var files = (await sample.MetricsAsync(EngineNames.DuckDb, "2025-09", 12, suppress: true)).WriteCsv(folder);
            if (Environment.GetEnvironmentVariable("IMPACT_UPDATE_GOLDEN") == "1")
            {
                Directory.CreateDirectory(Golden);
                foreach (var file in files)
                    File.Copy(file, Path.Combine(Golden, Path.GetFileName(file)), overwrite: true);
            }

            Directory.GetFiles(Golden).Select(Path.GetFileName).Should().BeEquivalentTo(files.Select(Path.GetFileName));
            foreach (var file in files)
                File.ReadAllText(file).Should().Be(File.ReadAllText(Path.Combine(Golden, Path.GetFileName(file))), Path.GetFileName(file));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Shared_files_hide_small_numbers_and_say_so()
    {
        var result = await sample.MetricsAsync(EngineNames.DuckDb, "2025-09", 1, suppress: true);
        var outcomes = result.ReferralOutcomes;

        outcomes.HasSuppression.Should().BeTrue("some practice-month counts are 1 to 7");
        foreach (var row in outcomes.Rows)
        {
            foreach (var column in outcomes.Columns.Where(c => c.Kind == Metrics.ColumnKind.Count))
                (outcomes.Show(row, column) is long n && n >= 1 && n <= 7).Should().BeFalse($"{column.Name} of {row.Breakdown} {row.Code}");
        }
        var text = File.ReadAllText(result.WriteCsv(Path.Combine(Path.GetTempPath(), $"impact-sup-{Guid.NewGuid():N}")).First(f => f.EndsWith("referral_outcomes.csv", StringComparison.Ordinal)));
        text.Should().Contain("[c]").And.Contain("# disclosure control: counts of 1 to 7");
    }
}
