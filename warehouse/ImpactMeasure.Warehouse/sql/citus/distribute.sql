-- distribute: the star schema spread over a Citus cluster (impact init --citus, on the coordinator, after the
-- migrations): the practice-grain facts and the register distributed by practice_key in one co-location group,
-- so a practice's rows of every fact sit on the same worker and joins on practice_key stay on it; the sub-ICB
-- facts distributed by sub_icb_code; every dimension and reference vocabulary a reference table (copied to every
-- node, joined locally), and so is the batch register (etl_load_batch). The rest of the ETL's bookkeeping, the landing
-- tables (stg_*), schema_version and the scheduler's tables stay on the coordinator: small, read by the coordinator.
-- grain: one call per table; inputs: the tables of the migrations, empty (init distributes before any load)
select create_reference_table('dim_date');
select create_reference_table('dim_practice');
select create_reference_table('dim_service');
select create_reference_table('dim_role');
select create_reference_table('dim_outcome');
select create_reference_table('dim_reason');
select create_reference_table('dim_appointment_profile');
select create_reference_table('dim_patient_band');
select create_reference_table('dim_instrument');
select create_reference_table('ref_gpad_vocabulary');
select create_reference_table('ref_gpad_alias');
select create_reference_table('ref_service_category');
-- The batch register is joined with distributed facts when a re-issue supersedes a batch: a reference table.
select create_reference_table('etl_load_batch');
select create_distributed_table('fact_appointments', 'practice_key');
select create_distributed_table('fact_list_size', 'practice_key', colocate_with => 'fact_appointments');
select create_distributed_table('fact_patient_appointment', 'practice_key', colocate_with => 'fact_appointments');
-- Citus enforces a key only where it holds the distribution column: signpost_key, numbered by the ETL across the
-- whole fact, stays unique with practice_key beside it.
alter table fact_signpost drop constraint fact_signpost_pkey;
alter table fact_signpost add primary key (practice_key, signpost_key);
select create_distributed_table('fact_signpost', 'practice_key', colocate_with => 'fact_appointments');
select create_distributed_table('fact_wellbeing', 'practice_key', colocate_with => 'fact_appointments');
select create_distributed_table('dim_registered_patient', 'practice_key', colocate_with => 'fact_appointments');
select create_distributed_table('fact_subicb_appointments', 'sub_icb_code');
select create_distributed_table('fact_gpad_coverage', 'sub_icb_code', colocate_with => 'fact_subicb_appointments');
-- The coordinator's own tables joined with distributed ones (the landing tables feed the facts' upserts, the
-- bookkeeping is joined by the supersede and check SQL) are added to Citus's metadata as local tables: plain
-- PostgreSQL tables cannot be joined with distributed ones.
select citus_add_local_table_to_metadata('stg_practice_mapping');
select citus_add_local_table_to_metadata('stg_list_size');
select citus_add_local_table_to_metadata('stg_signposting');
select citus_add_local_table_to_metadata('stg_wellbeing');
select citus_add_local_table_to_metadata('stg_patient_appointments');
select citus_add_local_table_to_metadata('stg_registered_patients');
select citus_add_local_table_to_metadata('etl_quarantine');
select citus_add_local_table_to_metadata('etl_vocabulary_use');
