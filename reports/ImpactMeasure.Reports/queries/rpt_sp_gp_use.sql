-- rpt_sp_gp_use: GP use before and after social prescribing referral against comparison patients, counted in SQL.
-- A referral's patient: the first link-worker event at the practice, in the window ($1..$2) and area ($3), with the
-- patient's GP appointments (not DNA) in the $4 days before it and the $4 days after it. Comparison patients: the
-- area's patients with GP appointments within $4 days of the window and no signposting or referral at all, counted per
-- practice; for each referral, their appointments in the same $4 days before and after its date, summed over the
-- practice's comparison patients (their mean change is that difference over the practice's comparison patients).
-- grain: one 'referred' row per referral (patient x practice) and one 'comparison' row per practice with comparison
--        patients; key: cohort, practice_code, patient_pseudo_id
-- inputs: fact_signpost, fact_patient_appointment, dim_date, dim_practice, dim_role, dim_appointment_profile
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
),
-- An anti-join, not NOT IN: PostgreSQL runs NOT IN as a subplan, hashed only when every signposted patient fits in
-- work_mem; nationally (1.8 M patients) it fell back to scanning them once per visit and never finished on Citus.
comparison as (
    select
        v.practice_code,
        v.patient_pseudo_id,
        v.visit_date
    from gp_visits as v
    left join (select distinct s.patient_pseudo_id from fact_signpost as s where s.patient_pseudo_id is not null) as signposted
        on signposted.patient_pseudo_id = v.patient_pseudo_id
    where signposted.patient_pseudo_id is null
      and (cast($3 as varchar) is null or v.practice_code in (
          select p.practice_code from dim_practice as p
          where p.practice_code = $3 or p.pcn_code = $3 or p.sub_icb_code = $3 or p.icb_code = $3))
),
comparison_days as (
    select practice_code, visit_date, count(*) as visits
    from comparison
    group by practice_code, visit_date
),
comparison_patients as (
    select practice_code, count(distinct patient_pseudo_id) as patients
    from comparison
    group by practice_code
),
referred as (
    select
        rf.patient_pseudo_id,
        rf.practice_code,
        rf.referral_date,
        count(case when v.visit_date >= rf.referral_date - cast($4 as integer) and v.visit_date < rf.referral_date then 1 end) as visits_before,
        count(case when v.visit_date > rf.referral_date and v.visit_date <= rf.referral_date + cast($4 as integer) then 1 end) as visits_after
    from referrals as rf
    left join gp_visits as v on v.patient_pseudo_id = rf.patient_pseudo_id
    where rf.referral_date between $1 and $2
    group by rf.patient_pseudo_id, rf.practice_code, rf.referral_date
),
referred_comparison as (
    select
        rf.patient_pseudo_id,
        rf.practice_code,
        sum(case when c.visit_date < rf.referral_date then c.visits else 0 end) as comparison_before,
        sum(case when c.visit_date > rf.referral_date then c.visits else 0 end) as comparison_after
    from referrals as rf
    inner join comparison_days as c
        on c.practice_code = rf.practice_code
        and c.visit_date >= rf.referral_date - cast($4 as integer)
        and c.visit_date <= rf.referral_date + cast($4 as integer)
    where rf.referral_date between $1 and $2
    group by rf.patient_pseudo_id, rf.practice_code
)
select
    'referred' as cohort,
    r.practice_code,
    r.patient_pseudo_id,
    r.referral_date,
    r.visits_before,
    r.visits_after,
    coalesce(rc.comparison_before, 0) as comparison_before,
    coalesce(rc.comparison_after, 0) as comparison_after,
    coalesce(cp.patients, 0) as comparison_patients
from referred as r
left join referred_comparison as rc
    on rc.practice_code = r.practice_code and rc.patient_pseudo_id is not distinct from r.patient_pseudo_id
left join comparison_patients as cp on cp.practice_code = r.practice_code
union all
select
    'comparison' as cohort,
    cp.practice_code,
    null as patient_pseudo_id,
    null as referral_date,
    null as visits_before,
    null as visits_after,
    null as comparison_before,
    null as comparison_after,
    cp.patients as comparison_patients
from comparison_patients as cp
order by cohort, practice_code, patient_pseudo_id
