-- bench_native_duckdb: DuckDB's own CSV loader on the raw crosstab, the benchmark's yardstick
-- grain: one row per CSV row; inputs: $1 the CSV path (read_csv takes it as a literal, so the caller quotes it)
create table bench_raw as select * from read_csv({path}, header = true)
