using System.Text.Json;
using ImpactMeasure.Testing;

namespace ImpactMeasure.SampleData.Tests;

/// <summary>The sample set committed under sample-data/sample and its truth.json.</summary>
internal static class CommittedSample
{
    public static string Folder => Path.Combine(RepositoryRoot.Path, "sample-data", "sample");

    public static JsonElement Truth { get; } = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "truth.json"))).RootElement;

    public static SampleDataOptions OptionsFromTruth(string outputDirectory)
    {
        var settings = Truth.GetProperty("generator");
        return new SampleDataOptions
        {
            OutputDirectory = outputDirectory,
            Seed = settings.GetProperty("seed").GetInt32(),
            Icbs = settings.GetProperty("icbs").GetInt32(),
            Practices = settings.GetProperty("practices").GetInt32(),
            Months = settings.GetProperty("months").GetInt32(),
            Start = DateOnly.ParseExact(settings.GetProperty("first_month").GetString() + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            CrosstabCellsPerPractice = settings.GetProperty("crosstab_cells_per_practice").GetInt32(),
        };
    }
}
