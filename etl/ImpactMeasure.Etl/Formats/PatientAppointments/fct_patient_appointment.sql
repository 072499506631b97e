-- fct_patient_appointment: the appointments of one patient-level batch ($1); a re-issued appointment_id is replaced
-- grain: one row per appointment; key: appointment_id
-- inputs: stg_patient_appointments (this batch: the last line wins; practice_key resolved by the ETL), dim_date

delete from fact_patient_appointment
where appointment_id in (select s.appointment_id from stg_patient_appointments as s where s.load_batch_id = $1);

insert into fact_patient_appointment (
    appointment_id, patient_pseudo_id, practice_key, date_key, appointment_profile_key, duration_minutes, load_batch_id)
select
    s.appointment_id,
    s.patient_pseudo_id,
    coalesce(s.practice_key, 0),
    coalesce(d.date_key, 0),
    s.appointment_profile_key,
    s.duration_minutes,
    $1
from (
    select
        l.*,
        row_number() over (partition by l.appointment_id order by l.line_number desc) as version_rank
    from stg_patient_appointments as l
    where l.load_batch_id = $1
) as s
left join dim_date as d on d.calendar_date = s.appointment_date
where s.version_rank = 1;
