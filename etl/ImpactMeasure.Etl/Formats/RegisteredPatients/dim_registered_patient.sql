-- dim_registered_patient: the registrations of one registered-patients batch ($1); a registration already held
-- (same patient, practice and start) is replaced by the new one (its end date may have come)
-- grain: one row per patient x practice x registration start; key: patient_pseudo_id, practice_key, registered_from
-- inputs: stg_registered_patients (this batch: the last line wins; practice_key resolved by the ETL)

-- An uncorrelated IN, not a correlated EXISTS: Citus plans it across the coordinator's landing table and the
-- distributed register.
delete from dim_registered_patient
where (patient_pseudo_id, practice_key, registered_from) in (
    select s.patient_pseudo_id, coalesce(s.practice_key, 0), s.registered_from
    from stg_registered_patients as s
    where s.load_batch_id = $1);

insert into dim_registered_patient (patient_pseudo_id, practice_key, age_band, sex, imd_decile, registered_from, registered_to, load_batch_id)
select s.patient_pseudo_id, coalesce(s.practice_key, 0), s.age_band, s.sex, s.imd_decile, s.registered_from, s.registered_to, $1
from (
    select
        l.*,
        row_number() over (partition by l.patient_pseudo_id, l.practice_key, l.registered_from order by l.line_number desc) as version_rank
    from stg_registered_patients as l
    where l.load_batch_id = $1
) as s
where s.version_rank = 1;
