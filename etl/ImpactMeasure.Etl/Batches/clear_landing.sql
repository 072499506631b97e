-- clear_landing: the landing rows of one batch ($1) once its marts have run (landing holds one file at a time)
-- grain: one delete per stg_ table; inputs: the stg_ tables

delete from stg_practice_mapping where load_batch_id = $1;
delete from stg_list_size where load_batch_id = $1;
delete from stg_signposting where load_batch_id = $1;
delete from stg_wellbeing where load_batch_id = $1;
delete from stg_patient_appointments where load_batch_id = $1;
delete from stg_registered_patients where load_batch_id = $1;
