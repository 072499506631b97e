-- supersede_batches: removes the facts of earlier loaded batches with the same scope ($1: scope key) as the new
-- batch ($2), and marks them superseded by it
-- grain: statements over every fact table; inputs: etl_load_batch

delete from fact_appointments where load_batch_id in (
    select b.load_batch_id from etl_load_batch as b where b.scope_key = $1 and b.status = 'loaded' and b.load_batch_id <> $2);
delete from fact_subicb_appointments where load_batch_id in (
    select b.load_batch_id from etl_load_batch as b where b.scope_key = $1 and b.status = 'loaded' and b.load_batch_id <> $2);
delete from fact_gpad_coverage where load_batch_id in (
    select b.load_batch_id from etl_load_batch as b where b.scope_key = $1 and b.status = 'loaded' and b.load_batch_id <> $2);
delete from fact_list_size where load_batch_id in (
    select b.load_batch_id from etl_load_batch as b where b.scope_key = $1 and b.status = 'loaded' and b.load_batch_id <> $2);
update etl_load_batch
set status = 'superseded',
    superseded_by = $2
where scope_key = $1 and status = 'loaded' and load_batch_id <> $2;
