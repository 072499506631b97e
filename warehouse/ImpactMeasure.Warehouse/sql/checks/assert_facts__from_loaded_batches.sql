-- assert_facts__from_loaded_batches: every fact row belongs to a batch that finished loading; rows of a load cut off
-- inside its commit (DuckDB can replay part of a torn commit from its write-ahead log) have no such batch
-- grain: one row per fact table and batch id without a loaded batch; empty = pass
-- inputs: every fact table, etl_load_batch
-- Each fact is counted by batch first: a few hundred rows to join, not every fact row (on Citus, every row pulled to
-- the coordinator: minutes nationally).
with facts as (
    select 'fact_appointments' as fact_table, load_batch_id, count(*) as fact_rows from fact_appointments group by load_batch_id
    union all select 'fact_subicb_appointments', load_batch_id, count(*) from fact_subicb_appointments group by load_batch_id
    union all select 'fact_gpad_coverage', load_batch_id, count(*) from fact_gpad_coverage group by load_batch_id
    union all select 'fact_patient_appointment', load_batch_id, count(*) from fact_patient_appointment group by load_batch_id
    union all select 'fact_signpost', load_batch_id, count(*) from fact_signpost group by load_batch_id
    union all select 'fact_wellbeing', load_batch_id, count(*) from fact_wellbeing group by load_batch_id
    union all select 'fact_list_size', load_batch_id, count(*) from fact_list_size group by load_batch_id
)
select
    f.fact_table,
    f.load_batch_id,
    f.fact_rows
from facts as f
left join etl_load_batch as b on b.load_batch_id = f.load_batch_id and b.status = 'loaded'
where b.load_batch_id is null
