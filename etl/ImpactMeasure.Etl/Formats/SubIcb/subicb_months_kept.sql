-- subicb_months_kept: the batches the new batch ($1) replaced that still hold facts (for their other sub-ICBs or
-- months), so stay loaded; the caller marks the others superseded
-- grain: one row per batch kept; inputs: fact_subicb_appointments, etl_load_batch
select distinct load_batch_id
from fact_subicb_appointments
where load_batch_id in (select load_batch_id from etl_load_batch where superseded_by = $1 and status = 'loaded')
