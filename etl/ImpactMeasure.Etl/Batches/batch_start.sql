-- batch_start: a file's load batch while it loads ($1 id, $2 file, $3 format, $4 started, $5 size, $6 extra columns; the text encoding is
-- known once the file is read: batch_finish)
-- grain: one row per loaded file; inputs: none
insert into etl_load_batch (load_batch_id, file_name, file_sha256, format_id, rows_read, rows_loaded, rows_quarantined,
    rows_unknown, rows_superseded, status, started_at, file_size_bytes, extra_columns)
values ($1, $2, '', $3, 0, 0, 0, 0, 0, 'loading', $4, $5, $6)
