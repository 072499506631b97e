-- bench_native_parquet_fact: DuckDB's own COPY of a whole fact to Hive-partitioned Parquet (by the year and month of
-- its date key), the Parquet export's yardstick
-- grain: one file per year and month; inputs: {table} the fact, {folder} the quoted target folder
copy (
    select *, cast((date_key - date_key % 10000) / 10000 as integer) as year, cast(((date_key % 10000) - (date_key % 100)) / 100 as integer) as month
    from {table}
) to {folder} (format parquet, partition_by (year, month), overwrite_or_ignore, filename_pattern 'data_{i}')
