-- subicb_months_replaced: the earlier batches of the same format as the new GPAD sub-ICB batch ($1: daily, monthly,
-- category and duration files sit side by side) that hold facts for a sub-ICB and month the new file holds, so a
-- partial file never adds to a month and files for different regions of one month sit side by side.
-- grain: one row per replaced batch; inputs: fact_subicb_appointments, etl_load_batch

-- A sub-ICB and month are one text (code|yyyymm00), so the match is a hash semi-join against the new batch's pairs.
-- A select, not an update of the batch register: Citus updates a reference table only from reference tables.
select distinct f.load_batch_id
from fact_subicb_appointments as f
where f.load_batch_id <> $1
  and f.load_batch_id in (
      select b.load_batch_id
      from etl_load_batch as b
      join etl_load_batch as n on n.format_id = b.format_id
      where n.load_batch_id = $1 and b.status = 'loaded')
  and f.sub_icb_code || '|' || cast(f.date_key - f.date_key % 100 as varchar) in (
      select distinct sub_icb_code || '|' || cast(date_key - date_key % 100 as varchar) from fact_subicb_appointments where load_batch_id = $1)
