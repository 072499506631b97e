-- batch_reject: a file refused whole, with why ($1 id, $2 file, $3 sha, $4 format, $5 rows read, $6 quarantined, $7 message,
-- $8 time, $9 size, $10 elapsed ms)
-- grain: one row per rejected file; inputs: none
insert into etl_load_batch (load_batch_id, file_name, file_sha256, format_id, rows_read, rows_loaded, rows_quarantined,
    rows_unknown, rows_superseded, status, message, started_at, finished_at, file_size_bytes, elapsed_ms)
values ($1, $2, $3, $4, $5, 0, $6, 0, 0, 'rejected', $7, $8, $8, $9, $10)
