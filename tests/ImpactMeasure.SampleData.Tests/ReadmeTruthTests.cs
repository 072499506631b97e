using System.Text.Json;
using ImpactMeasure.Testing;

namespace ImpactMeasure.SampleData.Tests;

public class ReadmeTruthTests
{
    [Fact]
    public void Every_planted_value_in_truth_json_is_documented_in_the_sample_readme()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "sample-data", "README.md"));
        var keys = new List<string>();
        Collect(CommittedSample.Truth, keys, depth: 0);

        keys.Where(k => !readme.Contains($"`{k}`", StringComparison.Ordinal)).Should().BeEmpty("each truth.json key is described in sample-data/README.md");
    }

    // Object keys down to the second level, leaving out data-driven keys (codes, roles, instruments).
    private static void Collect(JsonElement element, List<string> keys, int depth)
    {
        if (element.ValueKind != JsonValueKind.Object || depth > 1)
            return;
        foreach (var property in element.EnumerateObject())
        {
            if (property.Name.Any(char.IsUpper) || property.Name.Contains('-', StringComparison.Ordinal) || property.Name is "gp" or "nurse" or "self" or "other" or "care_navigator")
                continue;
            keys.Add(property.Name);
            Collect(property.Value, keys, depth + 1);
        }
    }
}
