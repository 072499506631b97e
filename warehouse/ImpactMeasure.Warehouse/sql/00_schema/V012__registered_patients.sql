-- V012 the registered population: who is registered at which practice, from when to when, with age band, sex and
-- deprivation, pseudonymised as every patient is (METHODS §8). The matched before/after model draws comparison
-- patients from it, so they are chosen from everyone registered, not only from people with an appointment.
-- grain: dim_registered_patient one row per patient x practice x registration start; inputs: the
-- registered-patients extract (landed in stg_registered_patients, one file at a time)
create table stg_registered_patients (
    load_batch_id bigint not null,
    line_number bigint not null,
    patient_pseudo_id varchar not null,
    practice_code varchar not null,
    practice_key integer,
    age_band varchar not null,
    sex varchar not null,
    imd_decile integer,
    registered_from date not null,
    registered_to date
);

create table dim_registered_patient (
    patient_pseudo_id varchar not null,
    practice_key integer not null,
    age_band varchar not null,
    sex varchar not null,
    imd_decile integer,
    registered_from date not null,
    registered_to date,
    load_batch_id bigint not null
);
