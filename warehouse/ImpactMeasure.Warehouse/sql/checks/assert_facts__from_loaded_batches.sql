-- assert_facts__from_loaded_batches: every fact row belongs to a batch that finished loading; rows of a load cut off
-- inside its commit (DuckDB can replay part of a torn commit from its write-ahead log) have no such batch
-- grain: one row per fact table and batch id without a loaded batch; empty = pass
-- inputs: every fact table, etl_load_batch
with facts as (
    select 'fact_appointments' as fact_table, load_batch_id from fact_appointments
    union all select 'fact_subicb_appointments', load_batch_id from fact_subicb_appointments
    union all select 'fact_gpad_coverage', load_batch_id from fact_gpad_coverage
    union all select 'fact_patient_appointment', load_batch_id from fact_patient_appointment
    union all select 'fact_signpost', load_batch_id from fact_signpost
    union all select 'fact_wellbeing', load_batch_id from fact_wellbeing
    union all select 'fact_list_size', load_batch_id from fact_list_size
)
select
    f.fact_table,
    f.load_batch_id,
    count(*) as fact_rows
from facts as f
left join etl_load_batch as b on b.load_batch_id = f.load_batch_id and b.status = 'loaded'
where b.load_batch_id is null
group by f.fact_table, f.load_batch_id
