-- rpt_equity: signposting and referral outcomes in the window ($1..$2) and area ($3) by the patient's deprivation
-- quintile (1 = most deprived 20%), age band and sex, as the extracts give them ('Unknown' / 'U' where not given)
-- grain: one row per quintile x age band x sex; inputs: fact_signpost, dim_date, dim_practice, dim_outcome,
-- dim_patient_band, dim_role; care navigators' signposting events and those diverted (accepted or attended: METHODS
-- §1, as fragments/navigation_flags.sql) beside all referrals
select
    b.deprivation_quintile,
    b.age_band,
    b.sex,
    count(*) as referrals,
    sum(case when o.is_service_decision then 1 else 0 end) as with_decision,
    sum(case when o.is_accepted_by_service then 1 else 0 end) as accepted_by_service,
    sum(case when o.outcome_code = 'rejected_inappropriate' then 1 else 0 end) as rejected_inappropriate,
    sum(case when r.role_code = 'care_navigator' then 1 else 0 end) as signposted,
    sum(case when r.role_code = 'care_navigator' and o.outcome_code in ('accepted', 'attended') then 1 else 0 end) as diverted
from fact_signpost as f
inner join dim_date as d on d.date_key = f.date_key
inner join dim_practice as p on p.practice_key = f.practice_key
inner join dim_outcome as o on o.outcome_key = f.outcome_key
inner join dim_patient_band as b on b.patient_band_key = f.patient_band_key
inner join dim_role as r on r.role_key = f.role_key
where d.calendar_date between $1 and $2
  and (cast($3 as varchar) is null or p.practice_code = $3 or p.pcn_code = $3 or p.sub_icb_code = $3 or p.icb_code = $3)
group by b.deprivation_quintile, b.age_band, b.sex
order by 1, 2, 3
