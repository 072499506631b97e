-- V001 star schema: every dimension, fact, audit and landing table of WAREHOUSE.md
-- grain: one table per entity (each table states its own grain below); keys: <entity>_key, 0 = Unknown
-- inputs: none (runs identically on DuckDB and PostgreSQL: one PostgreSQL-compatible dialect)

create table schema_version (
    version integer primary key,
    description varchar not null,
    checksum varchar not null,
    applied_at timestamp not null
);

-- one calendar day; date_key = yyyymmdd; key 0 = Unknown (attributes null)
create table dim_date (
    date_key integer primary key,
    calendar_date date,
    year_number integer,
    month_number integer,
    month_name varchar,
    month_start_date date,
    month_start_key integer,
    day_of_month integer,
    day_of_week integer,
    day_name varchar,
    iso_year integer,
    iso_week integer,
    nhs_financial_year varchar,
    nhs_financial_year_start integer,
    nhs_quarter integer,
    is_weekend boolean,
    is_bank_holiday boolean,
    bank_holiday_name varchar,
    is_working_day boolean
);

-- one version of a GP practice (SCD type 2); key 0 = Unknown
create sequence dim_practice_seq start 1;
create table dim_practice (
    practice_key integer primary key,
    practice_code varchar not null,
    practice_name varchar,
    pcn_code varchar,
    pcn_name varchar,
    sub_icb_code varchar,
    sub_icb_name varchar,
    icb_code varchar,
    icb_name varchar,
    region_code varchar,
    region_name varchar,
    supplier varchar,
    list_size integer,
    deprivation_decile integer,
    valid_from date not null,
    valid_to date not null,
    is_current boolean not null,
    load_batch_id bigint
);

-- one service category of WAREHOUSE.md dim_service (reference list, seeded)
create table ref_service_category (
    category_code varchar primary key,
    category_name varchar not null,
    default_sector varchar not null
);

-- one destination service; key 0 = Unknown
create sequence dim_service_seq start 1;
create table dim_service (
    service_key integer primary key,
    service_code varchar not null,
    service_name varchar,
    category_code varchar not null,
    sector varchar,
    area_code varchar
);

-- one staff role (also used for the referrer role); key 0 = Unknown
create table dim_role (
    role_key integer primary key,
    role_code varchar not null unique,
    role_name varchar not null,
    is_referrer_role boolean not null
);

-- one referral outcome of METHODS.md §2; key 0 = Unknown
create table dim_outcome (
    outcome_key integer primary key,
    outcome_code varchar not null unique,
    outcome_name varchar not null,
    is_service_decision boolean not null,
    is_accepted_by_service boolean not null,
    is_diverted boolean not null,
    is_rejection boolean not null,
    is_declined_by_patient boolean not null,
    is_pending boolean not null
);

-- one presenting need; key 0 = Unknown
create table dim_reason (
    reason_key integer primary key,
    reason_code varchar not null unique,
    reason_name varchar not null,
    reason_group varchar not null,
    snomed_ct_id varchar
);

-- one value of one GPAD appointment attribute as published, with its canonical label
create table ref_gpad_vocabulary (
    attribute varchar not null,
    label varchar not null,
    sort_order integer not null,
    minutes_midpoint numeric(6,2),
    primary key (attribute, label)
);

-- one known variant spelling of a GPAD value (matched after case folding and space collapsing)
create table ref_gpad_alias (
    attribute varchar not null,
    alias varchar not null,
    label varchar not null,
    primary key (attribute, alias)
);

-- one combination of appointment attributes (junk dimension); 'Not in extract' where a file lacks one
create sequence dim_appointment_profile_seq start 1;
create table dim_appointment_profile (
    appointment_profile_key integer primary key,
    hcp_type varchar not null,
    appt_mode varchar not null,
    appt_status varchar not null,
    national_category varchar not null,
    time_between_book_and_appt varchar not null,
    actual_duration varchar not null,
    service_setting varchar not null,
    context_type varchar not null
);

-- one combination of demographics; no person-level identity; key 0 = all unknown
create table dim_patient_band (
    patient_band_key integer primary key,
    age_band varchar not null,
    sex varchar not null,
    deprivation_quintile varchar not null
);

-- one wellbeing measure item; key 0 = Unknown
create table dim_instrument (
    instrument_key integer primary key,
    instrument_code varchar not null unique,
    instrument_name varchar not null,
    min_score numeric(6,2),
    max_score numeric(6,2),
    meaningful_change numeric(6,2),
    higher_is_better boolean
);

-- one loaded file (audit)
create sequence etl_load_batch_seq start 1;
create table etl_load_batch (
    load_batch_id bigint primary key,
    file_name varchar not null,
    file_sha256 varchar not null,
    format_id varchar not null,
    period_start date,
    period_end date,
    rows_read bigint not null,
    rows_loaded bigint not null,
    rows_quarantined bigint not null,
    rows_unknown bigint not null,
    rows_superseded bigint not null,
    status varchar not null,
    message varchar,
    superseded_by bigint,
    started_at timestamp not null,
    finished_at timestamp
);

-- one rejected row (audit); raw_value has identifiers masked
create table etl_quarantine (
    load_batch_id bigint not null,
    line_number bigint not null,
    column_name varchar,
    raw_value varchar,
    reason varchar not null
);

-- practice x month (GPAD practice grain: date_key is the month start) x appointment profile
create table fact_appointments (
    practice_key integer not null,
    date_key integer not null,
    appointment_profile_key integer not null,
    appointment_count bigint not null,
    load_batch_id bigint not null
);

-- sub-ICB x day or month x appointment profile (the national sub-ICB files keep their own grain)
create table fact_subicb_appointments (
    sub_icb_code varchar not null,
    date_key integer not null,
    period_grain varchar not null,
    appointment_profile_key integer not null,
    appointment_count bigint not null,
    load_batch_id bigint not null
);

-- sub-ICB x month: practices and patients included in the GPAD publication
create table fact_gpad_coverage (
    sub_icb_code varchar not null,
    date_key integer not null,
    included_practices integer not null,
    open_practices integer not null,
    patients_included bigint not null,
    patients_open bigint not null,
    load_batch_id bigint not null
);

-- one appointment of one pseudonymised patient
create table fact_patient_appointment (
    appointment_id varchar not null,
    patient_pseudo_id varchar not null,
    practice_key integer not null,
    date_key integer not null,
    appointment_profile_key integer not null,
    duration_minutes integer,
    load_batch_id bigint not null
);

-- one signposting or referral event, latest version of each event_id
create sequence fact_signpost_seq start 1;
create table fact_signpost (
    signpost_key bigint primary key,
    event_id varchar not null,
    date_key integer not null,
    practice_key integer not null,
    role_key integer not null,
    referrer_role_key integer not null,
    service_key integer not null,
    outcome_key integer not null,
    reason_key integer not null,
    patient_band_key integer not null,
    outcome_date_key integer not null,
    patient_pseudo_id varchar not null,
    requested_gp_appointment boolean not null,
    days_to_outcome integer,
    load_batch_id bigint not null
);

-- one score of one person on one instrument at one time point
create table fact_wellbeing (
    referral_id varchar not null,
    patient_pseudo_id varchar not null,
    practice_key integer not null,
    instrument_key integer not null,
    date_key integer not null,
    timepoint varchar not null,
    score numeric(6,2) not null,
    load_batch_id bigint not null
);

-- practice x month x patient band (band 0 = all patients): the denominators
create table fact_list_size (
    practice_key integer not null,
    date_key integer not null,
    patient_band_key integer not null,
    registered_patients integer not null,
    load_batch_id bigint not null
);

-- landing tables: typed rows of one load batch, as the ETL reads them (codes not yet conformed
-- except the GPAD appointment attributes, which the reader resolves to a profile key on the hot path)
create table stg_gpad_practice_crosstab (
    load_batch_id bigint not null,
    date_key integer not null,
    practice_code varchar not null,
    pcn_code varchar,
    sub_icb_code varchar,
    appointment_profile_key integer not null,
    appointment_count bigint not null
);

create table stg_gpad_subicb (
    load_batch_id bigint not null,
    sub_icb_code varchar not null,
    date_key integer not null,
    period_grain varchar not null,
    appointment_profile_key integer not null,
    appointment_count bigint not null
);

create table stg_gpad_coverage (
    load_batch_id bigint not null,
    sub_icb_code varchar not null,
    date_key integer not null,
    included_practices integer not null,
    open_practices integer not null,
    patients_included bigint not null,
    patients_open bigint not null
);

create table stg_practice_mapping (
    load_batch_id bigint not null,
    line_number bigint not null,
    practice_code varchar not null,
    practice_name varchar,
    pcn_code varchar,
    pcn_name varchar,
    sub_icb_code varchar,
    sub_icb_name varchar,
    icb_code varchar,
    icb_name varchar,
    region_code varchar,
    region_name varchar,
    supplier varchar,
    effective_date date not null
);

create table stg_list_size (
    load_batch_id bigint not null,
    line_number bigint not null,
    practice_code varchar not null,
    date_key integer not null,
    age_band varchar not null,
    sex varchar not null,
    registered_patients integer not null
);

create table stg_signposting (
    load_batch_id bigint not null,
    line_number bigint not null,
    event_id varchar not null,
    event_date date not null,
    practice_code varchar not null,
    role_code varchar not null,
    patient_pseudo_id varchar not null,
    requested_gp_appointment boolean not null,
    referrer_role_code varchar,
    reason_code varchar,
    reason_snomed varchar,
    service_code varchar not null,
    service_name varchar,
    service_category varchar not null,
    outcome_code varchar not null,
    outcome_date date,
    age_band varchar,
    sex varchar,
    imd_decile integer
);

create table stg_wellbeing (
    load_batch_id bigint not null,
    line_number bigint not null,
    referral_id varchar not null,
    patient_pseudo_id varchar not null,
    practice_code varchar not null,
    instrument_code varchar not null,
    timepoint varchar not null,
    measured_on date not null,
    score numeric(6,2) not null
);

create table stg_patient_appointments (
    load_batch_id bigint not null,
    line_number bigint not null,
    appointment_id varchar not null,
    practice_code varchar not null,
    patient_pseudo_id varchar not null,
    appointment_date date not null,
    appointment_profile_key integer not null,
    duration_minutes integer
);
