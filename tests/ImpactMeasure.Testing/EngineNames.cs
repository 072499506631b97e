namespace ImpactMeasure.Testing;

/// <summary>The engine names test theories run on.</summary>
public static class EngineNames
{
    public const string DuckDb = "duckdb";
    public const string Postgres = "postgres";

    /// <summary>PostgreSQL distributed by Citus over a coordinator and two workers (the harness's <see cref="CitusCluster"/>).</summary>
    public const string Citus = "citus";

    /// <summary>Every engine a warehouse test runs on.</summary>
    public static IReadOnlyList<string> All { get; } = [DuckDb, Postgres, Citus];
}
