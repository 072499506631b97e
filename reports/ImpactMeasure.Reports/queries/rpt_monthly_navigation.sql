-- rpt_monthly_navigation: care-navigation signposting per month in the window ($1..$2) and area ($3): events,
-- diverted (accepted or attended) and re-presented within $4 days (GP appointment, not DNA)
-- grain: one row per month; inputs: fact_signpost, fact_patient_appointment, dim_date, dim_practice, dim_outcome,
--        dim_role, dim_appointment_profile
with events as (
    select
        f.event_id,
        f.patient_pseudo_id,
        d.calendar_date as event_date,
        d.month_start_date,
        o.is_diverted
    from fact_signpost as f
    inner join dim_date as d on d.date_key = f.date_key
    inner join dim_practice as p on p.practice_key = f.practice_key
    inner join dim_outcome as o on o.outcome_key = f.outcome_key
    inner join dim_role as r on r.role_key = f.role_key
    where r.role_code = 'care_navigator'
      and d.calendar_date between $1 and $2
      and (cast($3 as varchar) is null or p.practice_code = $3 or p.pcn_code = $3 or p.sub_icb_code = $3 or p.icb_code = $3)
),
represented as (
    select distinct
        e.event_id
    from events as e
    inner join fact_patient_appointment as a on a.patient_pseudo_id = e.patient_pseudo_id
    inner join dim_date as ad on ad.date_key = a.date_key
    inner join dim_appointment_profile as ap on ap.appointment_profile_key = a.appointment_profile_key
    where e.is_diverted
      and ap.hcp_type = 'GP'
      and ap.appt_status <> 'DNA'
      and ad.calendar_date > e.event_date
      and ad.calendar_date <= e.event_date + cast($4 as integer)
)
select
    e.month_start_date,
    count(*) as signposted,
    sum(case when e.is_diverted then 1 else 0 end) as diverted,
    count(rp.event_id) as represented
from events as e
left join represented as rp on rp.event_id = e.event_id
group by e.month_start_date
order by e.month_start_date
