-- patient_appointments_updated: appointments of this batch ($1) that replace a version loaded earlier
-- grain: one row; inputs: fact_patient_appointment, stg_patient_appointments
select count(*) from fact_patient_appointment
where appointment_id in (select appointment_id from stg_patient_appointments where load_batch_id = $1)
