namespace ImpactMeasure.Testing;

/// <summary>The engine names test theories run on.</summary>
public static class EngineNames
{
    public const string DuckDb = "duckdb";
    public const string Postgres = "postgres";

    /// <summary>PostgreSQL distributed by Citus over a coordinator and two workers (the harness's <see cref="CitusCluster"/>).</summary>
    public const string Citus = "citus";

    /// <summary>Set to 1 to run every <c>[BothEngines]</c> theory on Citus too (the third engine, not yet green everywhere).</summary>
    public const string CitusVariable = "IMPACT_TEST_CITUS";
}
