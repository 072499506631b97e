namespace ImpactMeasure.Testing;

/// <summary>The shared reference extracts and vectors, read in place (never copied into the repo):
/// <c>IMPACT_REFERENCE_DIR</c>, else <c>../shared/reference</c> beside the repository root.</summary>
public static class ReferenceData
{
    public const string Variable = "IMPACT_REFERENCE_DIR";

    public static string Directory
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable(Variable);
            var dir = string.IsNullOrWhiteSpace(configured)
                ? Path.GetFullPath(Path.Combine(RepositoryRoot.Path, "..", "shared", "reference"))
                : Path.GetFullPath(configured);
            if (!System.IO.Directory.Exists(dir))
                throw new InvalidOperationException($"reference data not found at {dir}: set {Variable} to the shared/reference folder");
            return dir;
        }
    }

    public static string Extract(string fileName) => Existing(Path.Combine(Directory, "extracts", fileName));

    public static string Vector(string fileName) => Existing(Path.Combine(Directory, "vectors", fileName));

    private static string Existing(string path) =>
        File.Exists(path) ? path : throw new FileNotFoundException($"reference file missing: {path}", path);
}
