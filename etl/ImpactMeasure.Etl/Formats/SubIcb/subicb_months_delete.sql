-- subicb_months_delete: deletes, from the batches the new batch ($1) replaces (marked superseded_by = $1), the facts
-- for the sub-ICBs and months the new batch holds
-- grain: statements over fact_subicb_appointments; inputs: etl_load_batch

delete from fact_subicb_appointments
where load_batch_id in (select load_batch_id from etl_load_batch where superseded_by = $1 and status = 'loaded')
  and sub_icb_code || '|' || cast(date_key - date_key % 100 as varchar) in (
      select distinct sub_icb_code || '|' || cast(date_key - date_key % 100 as varchar) from fact_subicb_appointments where load_batch_id = $1);
