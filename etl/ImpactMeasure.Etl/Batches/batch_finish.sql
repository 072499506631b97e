-- batch_finish: a loaded file's counts and fingerprint, in the same transaction as its rows
-- grain: one row per loaded file ($1); inputs: the counters of the load, and the text encoding ($15) found while reading
update etl_load_batch
set file_sha256 = $2, rows_read = $3, rows_loaded = $4, rows_quarantined = $5, rows_unknown = $6, rows_superseded = $7,
    rows_updated = $8, period_start = $9, period_end = $10, scope_key = $11, status = 'loaded', finished_at = $12, elapsed_ms = $13,
    message = $14, text_encoding = $15
where load_batch_id = $1
