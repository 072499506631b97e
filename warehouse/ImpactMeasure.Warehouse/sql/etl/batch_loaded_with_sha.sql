-- batch_loaded_with_sha: the batch that loaded these bytes ($1: SHA-256), if any
-- grain: one row; inputs: etl_load_batch
select min(load_batch_id) from etl_load_batch where status = 'loaded' and file_sha256 = $1
