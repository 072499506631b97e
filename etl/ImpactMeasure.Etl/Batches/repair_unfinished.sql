-- repair_unfinished: removes what a load cut off inside its commit left behind (DuckDB can replay part of a torn
-- commit from its write-ahead log): facts, landing rows and quarantine rows of batches that never finished, and
-- those batches; run before each ingest, so the file is then loaded exactly once
-- grain: statements over every batch-keyed table; inputs: etl_load_batch

delete from fact_appointments where load_batch_id not in (select load_batch_id from etl_load_batch where status = 'loaded');
delete from fact_subicb_appointments where load_batch_id not in (select load_batch_id from etl_load_batch where status = 'loaded');
delete from fact_gpad_coverage where load_batch_id not in (select load_batch_id from etl_load_batch where status = 'loaded');
delete from fact_patient_appointment where load_batch_id not in (select load_batch_id from etl_load_batch where status = 'loaded');
delete from fact_signpost where load_batch_id not in (select load_batch_id from etl_load_batch where status = 'loaded');
delete from fact_wellbeing where load_batch_id not in (select load_batch_id from etl_load_batch where status = 'loaded');
delete from fact_list_size where load_batch_id not in (select load_batch_id from etl_load_batch where status = 'loaded');
delete from etl_quarantine where load_batch_id in (select load_batch_id from etl_load_batch where status = 'loading')
    or load_batch_id not in (select load_batch_id from etl_load_batch);
delete from etl_load_batch where status = 'loading';
