-- rpt_sp_gp_use: GP appointments (not DNA) per patient-level record, tagged as a social prescribing referral's
-- patient (with the referral date) or a comparison patient (no signposting or referral at all), in area $3; the
-- window ($1..$2) selects the referrals; only visits within $4 days of it are read
-- grain: one row per patient x GP appointment (plus one row per referral with no appointment); inputs:
--        fact_signpost, fact_patient_appointment, dim_date, dim_practice, dim_role, dim_appointment_profile
with referrals as (
    select
        f.patient_pseudo_id,
        p.practice_code,
        min(d.calendar_date) as referral_date
    from fact_signpost as f
    inner join dim_date as d on d.date_key = f.date_key
    inner join dim_practice as p on p.practice_key = f.practice_key
    inner join dim_role as r on r.role_key = f.role_key
    where r.role_code = 'social_prescribing_link_worker'
      and (cast($3 as varchar) is null or p.practice_code = $3 or p.pcn_code = $3 or p.sub_icb_code = $3 or p.icb_code = $3)
    group by f.patient_pseudo_id, p.practice_code
),
gp_visits as (
    select
        a.patient_pseudo_id,
        p.practice_code,
        ad.calendar_date as visit_date
    from fact_patient_appointment as a
    inner join dim_date as ad on ad.date_key = a.date_key
    inner join dim_practice as p on p.practice_key = a.practice_key
    inner join dim_appointment_profile as ap on ap.appointment_profile_key = a.appointment_profile_key
    where ap.hcp_type = 'GP'
      and ap.appt_status <> 'DNA'
      and ad.calendar_date between $1 - cast($4 as integer) and $2 + cast($4 as integer)
)
select
    'referred' as cohort,
    rf.patient_pseudo_id,
    rf.practice_code,
    rf.referral_date,
    v.visit_date
from referrals as rf
left join gp_visits as v on v.patient_pseudo_id = rf.patient_pseudo_id
where rf.referral_date between $1 and $2
union all
select
    'comparison' as cohort,
    v.patient_pseudo_id,
    v.practice_code,
    null as referral_date,
    v.visit_date
from gp_visits as v
-- An anti-join, not NOT IN: PostgreSQL runs NOT IN as a subplan, hashed only when every signposted patient fits in
-- work_mem; nationally (1.8 M patients) it fell back to scanning them once per visit and never finished on Citus.
left join (select distinct s.patient_pseudo_id from fact_signpost as s where s.patient_pseudo_id is not null) as signposted
    on signposted.patient_pseudo_id = v.patient_pseudo_id
where signposted.patient_pseudo_id is null
  and (cast($3 as varchar) is null or v.practice_code in (
      select p.practice_code from dim_practice as p
      where p.practice_code = $3 or p.pcn_code = $3 or p.sub_icb_code = $3 or p.icb_code = $3))
order by cohort, patient_pseudo_id, visit_date
