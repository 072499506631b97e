-- signposting_updated: events of this batch ($1) that replace a version loaded earlier (a later outcome)
-- grain: one row; inputs: fact_signpost, stg_signposting
select count(*) from fact_signpost where event_id in (select event_id from stg_signposting where load_batch_id = $1)
