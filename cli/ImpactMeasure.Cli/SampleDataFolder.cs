namespace ImpactMeasure.Cli;

/// <summary>Finds the committed sample set (<c>sample-data/sample</c>) from the working folder or the program's.</summary>
public static class SampleDataFolder
{
    public static string? Find()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "sample-data", "sample");
                if (File.Exists(Path.Combine(candidate, "truth.json")))
                    return candidate;
            }
        }
        return null;
    }
}
