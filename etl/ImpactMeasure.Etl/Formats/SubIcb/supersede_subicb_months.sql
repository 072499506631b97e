-- supersede_subicb_months: a GPAD sub-ICB file replaces, for each sub-ICB and month it holds, whatever earlier
-- batches of the same format ($1's format: daily, monthly, category and duration files sit side by side) loaded
-- for that sub-ICB and month ($1: the new batch), so a partial file never adds to a month and files for different
-- regions of one month sit side by side. Earlier batches it touches get superseded_by = $1; those left with no facts
-- are superseded, the others stay loaded for their other sub-ICBs.
-- grain: statements over fact_subicb_appointments and etl_load_batch; inputs: none

-- A sub-ICB and month are one text (code|yyyymm00), so each step is a hash semi-join against the new batch's pairs.
update etl_load_batch
set superseded_by = $1
where status = 'loaded'
  and load_batch_id <> $1
  and format_id = (select n.format_id from etl_load_batch as n where n.load_batch_id = $1)
  and load_batch_id in (
      select distinct f.load_batch_id
      from fact_subicb_appointments as f
      where f.sub_icb_code || '|' || cast(f.date_key - f.date_key % 100 as varchar) in (
          select distinct sub_icb_code || '|' || cast(date_key - date_key % 100 as varchar) from fact_subicb_appointments where load_batch_id = $1));
delete from fact_subicb_appointments
where load_batch_id in (select load_batch_id from etl_load_batch where superseded_by = $1 and status = 'loaded')
  and sub_icb_code || '|' || cast(date_key - date_key % 100 as varchar) in (
      select distinct sub_icb_code || '|' || cast(date_key - date_key % 100 as varchar) from fact_subicb_appointments where load_batch_id = $1);
update etl_load_batch
set status = 'superseded'
where superseded_by = $1 and status = 'loaded'
  and not exists (select 1 from fact_subicb_appointments as f where f.load_batch_id = etl_load_batch.load_batch_id);
