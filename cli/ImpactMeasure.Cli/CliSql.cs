using ImpactMeasure.Warehouse.Sql;

namespace ImpactMeasure.Cli;

/// <summary>The CLI's own embedded SQL (sql/*.sql): the benchmark's native loads and the service's bookkeeping.</summary>
public static class CliSql
{
    private static readonly SqlScripts Scripts = new(typeof(CliSql).Assembly);

    public const string JobWorkingDay = "sql/job_working_day.sql";
    public const string JobRunInsert = "sql/job_run_insert.sql";
    public const string JobRunsLatest = "sql/job_runs_latest.sql";
    public const string BenchNativeDuckDb = "sql/bench_native_duckdb.sql";
    public const string BenchNativePostgres = "sql/bench_native_postgres.sql";
    public const string BenchNativeParquetFact = "sql/bench_native_parquet_fact.sql";
    public const string BenchNativeParquetTable = "sql/bench_native_parquet_table.sql";

    public static string Read(string path) => SqlStatements.AsSubquery(Scripts.Read(path));
}
