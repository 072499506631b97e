namespace ImpactMeasure.Testing;

/// <summary>The engine names test theories run on.</summary>
public static class EngineNames
{
    public const string DuckDb = "duckdb";
    public const string Postgres = "postgres";
}
