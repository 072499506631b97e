namespace ImpactMeasure.Testing;

/// <summary>Finds the PostgreSQL server programs (initdb, pg_ctl): Debian keeps them in
/// /usr/lib/postgresql/VERSION/bin, off PATH.</summary>
public static class PostgresBinaries
{
    public const string Variable = "IMPACT_PG_BIN";

    public static string Find()
    {
        var candidates = new List<string>();
        var configured = Environment.GetEnvironmentVariable(Variable);
        if (!string.IsNullOrWhiteSpace(configured))
            candidates.Add(configured);
        if (Directory.Exists("/usr/lib/postgresql"))
        {
            candidates.AddRange(Directory.GetDirectories("/usr/lib/postgresql")
                .OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0)
                .Select(d => Path.Combine(d, "bin")));
        }
        candidates.AddRange((Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries));
        return candidates.FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")))
            ?? throw new InvalidOperationException(
                "PostgreSQL server binaries (initdb, pg_ctl) were not found in /usr/lib/postgresql/*/bin, $IMPACT_PG_BIN or PATH. "
                + "Install them with 'sudo apt-get install -y postgresql', or set IMPACT_TEST_PG to a superuser connection "
                + "string of an existing server. The warehouse tests run on both engines and are never skipped.");
    }
}
