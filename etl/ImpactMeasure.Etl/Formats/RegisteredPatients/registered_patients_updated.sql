-- registered_patients_updated: registrations of this batch ($1) already held (replaced, e.g. with an end date now)
-- grain: one row; inputs: dim_registered_patient, stg_registered_patients
select count(*) from dim_registered_patient as r
where exists (
    select 1 from stg_registered_patients as s
    where s.load_batch_id = $1
      and s.patient_pseudo_id = r.patient_pseudo_id
      and coalesce(s.practice_key, 0) = r.practice_key
      and s.registered_from = r.registered_from)
