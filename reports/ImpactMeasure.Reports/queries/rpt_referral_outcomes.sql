-- rpt_referral_outcomes: signposting and referral outcomes counted for the window ($1..$2) and area ($3, any level)
-- grain: one row per month x practice version x service x role x referrer role; key: those columns
-- inputs: fact_signpost, dim_date, dim_practice, dim_service, dim_outcome, dim_role
-- sums cast to bigint: DuckDB sums integers as 128-bit, which the reader would box as BigInteger (800 K rows nationally)
select
    d.month_start_date,
    p.practice_code,
    p.practice_name,
    p.pcn_code,
    p.pcn_name,
    s.service_code,
    s.service_name,
    s.category_code,
    r.role_code,
    rr.role_code as referrer_role_code,
    count(*) as referrals,
    cast(sum(case when o.is_service_decision then 1 else 0 end) as bigint) as with_decision,
    cast(sum(case when o.is_accepted_by_service then 1 else 0 end) as bigint) as accepted_by_service,
    cast(sum(case when o.outcome_code = 'rejected_capacity' then 1 else 0 end) as bigint) as rejected_capacity,
    cast(sum(case when o.outcome_code = 'rejected_inappropriate' then 1 else 0 end) as bigint) as rejected_inappropriate,
    cast(sum(case when o.is_declined_by_patient then 1 else 0 end) as bigint) as declined_by_patient,
    cast(sum(case when o.is_pending then 1 else 0 end) as bigint) as pending,
    cast(sum(case when o.outcome_code = 'attended' then 1 else 0 end) as bigint) as attended,
    cast(sum(case when o.outcome_code = 'attended' then f.days_to_outcome else 0 end) as bigint) as attended_days_to_outcome,
    cast(sum(case when o.outcome_code = 'attended' then f.days_to_outcome * f.days_to_outcome else 0 end) as bigint) as attended_days_squared
from fact_signpost as f
inner join dim_date as d on d.date_key = f.date_key
inner join dim_practice as p on p.practice_key = f.practice_key
inner join dim_service as s on s.service_key = f.service_key
inner join dim_outcome as o on o.outcome_key = f.outcome_key
inner join dim_role as r on r.role_key = f.role_key
inner join dim_role as rr on rr.role_key = f.referrer_role_key
where d.calendar_date between $1 and $2
  and (cast($3 as varchar) is null or p.practice_code = $3 or p.pcn_code = $3 or p.sub_icb_code = $3 or p.icb_code = $3)
group by d.month_start_date, p.practice_code, p.practice_name, p.pcn_code, p.pcn_name, s.service_code, s.service_name,
    s.category_code, r.role_code, rr.role_code
order by d.month_start_date, p.practice_code, s.service_code, r.role_code, rr.role_code
