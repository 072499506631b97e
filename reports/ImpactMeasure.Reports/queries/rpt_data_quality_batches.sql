-- rpt_data_quality_batches: the files behind the warehouse, by format and load status (the audit tables are the
-- one place reports read besides dims and facts: data quality is about the loads)
-- grain: one row per format x status (a header-only file's status is 'no rows'); inputs: etl_load_batch ($1..$3 unused: every report query takes them)
select
    b.format_id,
    case when b.status = 'loaded' and b.rows_read = 0 then 'no rows' else b.status end as status,
    count(*) as files,
    sum(b.rows_read) as rows_read,
    sum(b.rows_loaded) as rows_loaded,
    sum(b.rows_quarantined) as rows_quarantined,
    sum(b.rows_unknown) as rows_unknown,
    max(b.finished_at) as last_finished_at
from etl_load_batch as b
group by b.format_id, case when b.status = 'loaded' and b.rows_read = 0 then 'no rows' else b.status end
order by b.format_id, 2
