-- batch_loaded_with_size: loaded files of a size ($1): only then can a file be the same bytes again
-- grain: one row; inputs: etl_load_batch
select count(*) from etl_load_batch where status = 'loaded' and file_size_bytes = $1
