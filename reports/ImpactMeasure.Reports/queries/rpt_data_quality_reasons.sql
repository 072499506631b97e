-- rpt_data_quality_reasons: quarantined rows by column, for the pack's data-quality table
-- grain: one row per column named in a quarantine entry; inputs: etl_quarantine, etl_load_batch
select
    coalesce(q.column_name, '(whole row)') as column_name,
    count(*) as rows_quarantined,
    min(q.reason) as example_reason
from etl_quarantine as q
inner join etl_load_batch as b on b.load_batch_id = q.load_batch_id
group by coalesce(q.column_name, '(whole row)')
order by count(*) desc, coalesce(q.column_name, '(whole row)')
