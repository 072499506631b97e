-- rpt_registered_cohort: every registration with the patient's demographics and the date of their first referral
-- to a social prescribing link worker (null if none); the matched before/after model picks referred patients and
-- their comparison patients from it. $1..$2 (the window) and $3 (the area) are not used: matching reads everyone
-- grain: one row per patient x practice x registration start; inputs: dim_registered_patient, dim_practice,
--        fact_signpost, dim_role, dim_date
with referrals as (
    select f.patient_pseudo_id, min(d.calendar_date) as referral_date
    from fact_signpost as f
    inner join dim_date as d on d.date_key = f.date_key
    inner join dim_role as r on r.role_key = f.role_key
    where r.role_code = 'social_prescribing_link_worker'
    group by f.patient_pseudo_id
)
select
    rp.patient_pseudo_id,
    p.practice_code,
    coalesce(p.pcn_code, p.practice_code) as pcn_code,
    rp.age_band,
    rp.sex,
    rp.imd_decile,
    rp.registered_from,
    rp.registered_to,
    fr.referral_date
from dim_registered_patient as rp
inner join dim_practice as p on p.practice_key = rp.practice_key
left join referrals as fr on fr.patient_pseudo_id = rp.patient_pseudo_id
order by p.practice_code, rp.patient_pseudo_id, rp.registered_from
