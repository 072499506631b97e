-- batch_loaded_with_sha: the batch that loaded these bytes ($1: SHA-256) and still holds all of them, if any (a
-- batch partly replaced by a later file is loaded again when its file comes back, replacing that file's part)
-- grain: one row; inputs: etl_load_batch
select min(load_batch_id) from etl_load_batch where status = 'loaded' and superseded_by is null and file_sha256 = $1
