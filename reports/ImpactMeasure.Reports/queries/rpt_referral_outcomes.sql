-- rpt_referral_outcomes: signposting and referral outcomes counted for the window ($1..$2) and area ($3, any level),
-- rolled up to the breakdowns the reports publish (the grouping sets below, named by `breakdown`): all referrals, by
-- service, PCN, practice (with its PCN: the release's practice membership) and month, and by role for the link workers'
-- caseload (by month, whole window, referrer role, PCN). Nationally about 11 K rows where the month x practice x service
-- x role grain was 800 K, which the reports only summed.
-- grain: one row per breakdown x its grouping columns (the others null); key: breakdown and its columns
-- inputs: fact_signpost, dim_date, dim_practice, dim_service, dim_outcome, dim_role
-- The events are counted in `counts` (fragments/referral_counts: engine variants), then summed over the grouping sets.
--@include fragments/referral_counts.sql
select
    case
        when grouping(c.month_start_date) = 0 and grouping(r.role_code) = 0 then 'role_month'
        when grouping(c.month_start_date) = 0 then 'month'
        when grouping(rr.role_code) = 0 then 'role_referrer'
        when grouping(p.pcn_code) = 0 and grouping(r.role_code) = 0 then 'role_pcn'
        when grouping(r.role_code) = 0 then 'role'
        when grouping(p.practice_code) = 0 then 'practice'
        when grouping(p.pcn_code) = 0 then 'pcn'
        when grouping(s.service_code) = 0 then 'service'
        else 'all'
    end as breakdown,
    c.month_start_date, p.practice_code, p.practice_name, p.pcn_code, p.pcn_name, s.service_code, s.service_name, s.category_code,
    r.role_code, rr.role_code as referrer_role_code,
    cast(sum(c.referrals) as bigint) as referrals,
    cast(sum(c.with_decision) as bigint) as with_decision,
    cast(sum(c.accepted_by_service) as bigint) as accepted_by_service,
    cast(sum(c.rejected_capacity) as bigint) as rejected_capacity,
    cast(sum(c.rejected_inappropriate) as bigint) as rejected_inappropriate,
    cast(sum(c.declined_by_patient) as bigint) as declined_by_patient,
    cast(sum(c.pending) as bigint) as pending,
    cast(sum(c.attended) as bigint) as attended,
    cast(sum(c.attended_days_to_outcome) as bigint) as attended_days_to_outcome,
    cast(sum(c.attended_days_squared) as bigint) as attended_days_squared
from counts as c
inner join dim_practice as p on p.practice_key = c.practice_key
inner join dim_service as s on s.service_key = c.service_key
inner join dim_role as r on r.role_key = c.role_key
inner join dim_role as rr on rr.role_key = c.referrer_role_key
group by grouping sets (
    (),
    (s.service_code, s.service_name, s.category_code),
    (p.pcn_code, p.pcn_name),
    (p.practice_code, p.practice_name, p.pcn_code),
    (c.month_start_date),
    (r.role_code, c.month_start_date),
    (r.role_code),
    (r.role_code, rr.role_code),
    (r.role_code, p.pcn_code, p.pcn_name)
)
having count(*) > 0
order by breakdown, c.month_start_date, p.practice_code, p.pcn_code, s.service_code, r.role_code, rr.role_code, p.practice_name, p.pcn_name
