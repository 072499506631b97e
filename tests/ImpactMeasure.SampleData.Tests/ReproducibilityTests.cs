namespace ImpactMeasure.SampleData.Tests;

public class ReproducibilityTests
{
    [Fact]
    public void The_committed_sample_is_regenerated_byte_for_byte_from_its_seed()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"impact-sample-{Guid.NewGuid():N}");
        try
        {
            new SampleDataGenerator(CommittedSample.OptionsFromTruth(folder)).Generate();

            var expected = Files(CommittedSample.Folder);
            var actual = Files(folder);
            actual.Should().Equal(expected, "the same files are written");
            foreach (var file in expected)
            {
                File.ReadAllBytes(Path.Combine(folder, file)).SequenceEqual(File.ReadAllBytes(Path.Combine(CommittedSample.Folder, file)))
                    .Should().BeTrue($"{file} should be byte-identical");
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Another_seed_gives_other_data()
    {
        var a = Path.Combine(Path.GetTempPath(), $"impact-sample-{Guid.NewGuid():N}");
        var b = Path.Combine(Path.GetTempPath(), $"impact-sample-{Guid.NewGuid():N}");
        try
        {
            new SampleDataGenerator(new SampleDataOptions { OutputDirectory = a, Practices = 6, Months = 2, Seed = 1 }).Generate();
            new SampleDataGenerator(new SampleDataOptions { OutputDirectory = b, Practices = 6, Months = 2, Seed = 2 }).Generate();

            File.ReadAllText(Path.Combine(a, "gpad", "practice-level-crosstab-2023-10.csv"))
                .Should().NotBe(File.ReadAllText(Path.Combine(b, "gpad", "practice-level-crosstab-2023-10.csv")));
        }
        finally
        {
            Directory.Delete(a, recursive: true);
            Directory.Delete(b, recursive: true);
        }
    }

    [Fact]
    public void The_committed_sample_stays_under_25_MB()
    {
        var bytes = Directory.GetFiles(CommittedSample.Folder, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);

        bytes.Should().BeLessThan(25L * 1024 * 1024);
    }

    private static List<string> Files(string folder) =>
        Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(folder, f)).Order(StringComparer.Ordinal).ToList();
}
