namespace ImpactMeasure.Testing;

/// <summary>The checkout's root folder, found by walking up to <c>ImpactMeasure.sln</c>.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "ImpactMeasure.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException($"ImpactMeasure.sln not found above {AppContext.BaseDirectory}");
    }
}
