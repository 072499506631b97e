-- rpt_navigation_kinds: care-navigation events of the window ($1..$2) and area ($3), re-presentation within $4 days,
-- as METHODS §1's counts per unit of a practice version, and those units counted by kind: the units of a practice
-- with the same counts are one row. A practice's figures are the sum over its rows (counts x units).
-- The unit is what a bootstrap resamples: a patient when $5 is true (every practice's own interval resamples its
-- patients) or when the practice is the only one of its PCN in the window (that PCN's interval resamples them);
-- else the whole practice, one unit (a PCN's or area's interval resamples whole practices), which spares grouping
-- every patient when no practice's own interval is wanted.
-- grain: one row per practice version x kind of unit; key: practice_key and the ten counts
-- inputs: fact_signpost, fact_patient_appointment, dim_date, dim_practice, dim_outcome, dim_role, dim_appointment_profile
--@include fragments/navigation_flags.sql
,
-- PCNs with one practice among the window's events (none needed when every practice keeps its patients apart)
alone as (
    select p.pcn_code
    from fact_signpost as f
    inner join dim_date as d on d.date_key = f.date_key
    inner join dim_practice as p on p.practice_key = f.practice_key
    inner join dim_role as r on r.role_key = f.role_key
    where not cast($5 as boolean)
      and r.role_code = 'care_navigator'
      and d.calendar_date between $1 and $2
      and (cast($3 as varchar) is null or p.practice_code = $3 or p.pcn_code = $3 or p.sub_icb_code = $3 or p.icb_code = $3)
    group by p.pcn_code
    having min(p.practice_code) = max(p.practice_code)
),
per_unit as (
    select
        f.practice_key,
        sum(signposted) as signposted,
        sum(diverted) as diverted,
        sum(not_requested) as not_requested,
        sum(requested_blank) as requested_blank,
        sum(follow_up_complete) as follow_up_complete,
        sum(represented) as represented,
        sum(follow_up_incomplete) as follow_up_incomplete,
        sum(no_patient_level) as no_patient_level,
        sum(attended) as attended,
        sum(no_response) as no_response
    from flagged as f
    inner join dim_practice as p on p.practice_key = f.practice_key
    left join alone as a on a.pcn_code = p.pcn_code
    group by f.practice_key, case when cast($5 as boolean) or a.pcn_code is not null then f.patient_pseudo_id end
),
kinds as (
    select
        practice_key, signposted, diverted, not_requested, requested_blank, follow_up_complete, represented,
        follow_up_incomplete, no_patient_level, attended, no_response,
        count(*) as units
    from per_unit
    group by practice_key, signposted, diverted, not_requested, requested_blank, follow_up_complete, represented,
        follow_up_incomplete, no_patient_level, attended, no_response
)
select
    p.practice_code,
    p.practice_name,
    p.pcn_code,
    p.pcn_name,
    k.signposted, k.diverted, k.not_requested, k.requested_blank, k.follow_up_complete, k.represented,
    k.follow_up_incomplete, k.no_patient_level, k.attended, k.no_response,
    k.units
from kinds as k
inner join dim_practice as p on p.practice_key = k.practice_key
order by p.practice_code, p.pcn_code, k.practice_key, k.signposted, k.diverted, k.not_requested, k.requested_blank, k.follow_up_complete,
    k.represented, k.follow_up_incomplete, k.no_patient_level, k.attended, k.no_response
