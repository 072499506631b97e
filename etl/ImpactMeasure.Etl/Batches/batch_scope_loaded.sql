-- batch_scope_loaded: loaded batches with a scope ($1), which a re-issue supersedes
-- grain: one row; inputs: etl_load_batch
select count(*) from etl_load_batch where scope_key = $1 and status = 'loaded'
