-- bench_native_parquet_table: DuckDB's own COPY of a whole dimension or reference table to one Parquet file, the
-- Parquet export's yardstick
-- grain: one file; inputs: {table} the table, {file} the quoted target file
copy {table} to {file} (format parquet)
