-- V005 PostgreSQL only: indexes for per-batch deletes (superseding) and per-event upserts
-- grain: one index per fact access path; DuckDB needs none (zone maps prune by load_batch_id, and its ART
-- indexes would slow the appender), so there this version is recorded and does nothing
-- inputs: the fact tables of V001

create index fact_appointments_batch on fact_appointments using brin (load_batch_id);
create index fact_subicb_appointments_batch on fact_subicb_appointments using brin (load_batch_id);
create index fact_gpad_coverage_batch on fact_gpad_coverage using brin (load_batch_id);
create index fact_list_size_batch on fact_list_size using brin (load_batch_id);
create index fact_signpost_event on fact_signpost (event_id);
create index fact_wellbeing_referral on fact_wellbeing (referral_id);
create index fact_patient_appointment_id on fact_patient_appointment (appointment_id);
create index etl_quarantine_batch on etl_quarantine (load_batch_id);
