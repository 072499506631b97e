-- partly_superseded: earlier batches the new batch ($1) replaced for some of their practices only, with how many
-- practices each still holds, for the load report
-- grain: one row per partly replaced batch; inputs: etl_load_batch, fact_appointments, dim_practice
select
    b.load_batch_id,
    b.file_name,
    count(distinct p.practice_code) as practices_kept
from etl_load_batch as b
join fact_appointments as f on f.load_batch_id = b.load_batch_id
join dim_practice as p on p.practice_key = f.practice_key
where b.superseded_by = $1 and b.status = 'loaded'
group by b.load_batch_id, b.file_name
order by b.load_batch_id
