-- registered_patients_updated: registrations of this batch ($1) already held (replaced, e.g. with an end date now)
-- grain: one row; inputs: dim_registered_patient, stg_registered_patients
select count(*) from dim_registered_patient as r
where (r.patient_pseudo_id, r.practice_key, r.registered_from) in (
    select s.patient_pseudo_id, coalesce(s.practice_key, 0), s.registered_from
    from stg_registered_patients as s
    where s.load_batch_id = $1)
