-- V011 the practice key of each landed local row, resolved once by the ETL as it reads the row (the practice
-- version valid on the row's date, or the practice it inferred), so the mart SQL takes it rather than joining
-- dim_practice again; null on rows landed before this version (landing tables are cleared after each load)
-- grain: one column per landing table; inputs: the landing tables of V001
alter table stg_list_size add column practice_key integer;
alter table stg_signposting add column practice_key integer;
alter table stg_wellbeing add column practice_key integer;
alter table stg_patient_appointments add column practice_key integer;
