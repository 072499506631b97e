-- rpt_patient_level_coverage: how many patient-level appointments were loaded for the window ($1..$2), so reports
-- know whether re-presentation can be observed or must be assumed, and the dates the patient-level data spans
-- grain: one row; inputs: fact_patient_appointment, dim_date
select
    (select count(*)
     from fact_patient_appointment as a
     inner join dim_date as d on d.date_key = a.date_key
     where d.calendar_date between $1 and $2) as appointments,
    (select min(d.calendar_date)
     from fact_patient_appointment as a
     inner join dim_date as d on d.date_key = a.date_key) as first_date,
    (select max(d.calendar_date)
     from fact_patient_appointment as a
     inner join dim_date as d on d.date_key = a.date_key) as last_date
