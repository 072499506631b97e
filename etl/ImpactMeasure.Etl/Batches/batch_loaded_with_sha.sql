-- batch_loaded_with_sha: the batch that loaded these bytes ($1: SHA-256) and still holds all of them, if any (a
-- batch partly replaced by a later file is loaded again when its file comes back, replacing that file's part).
-- A header-only file is the same bytes as every empty file of its kind, so it counts as loaded only under its own
-- name ($2): each month's empty file is recorded as "no rows" for that file.
-- grain: one row; inputs: etl_load_batch
select min(load_batch_id) from etl_load_batch
where status = 'loaded' and superseded_by is null and file_sha256 = $1 and (rows_read > 0 or file_name = $2)
