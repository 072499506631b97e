-- rpt_navigation_events: care-navigator signposting away from the GP in the window ($1..$2) and area ($3), each with
-- the patient's GP appointments (not DNA) in the $4 days after it, and whether that follow-up window lies wholly
-- inside the patient-level data the event's practice sent (METHODS §1 "follow-up complete")
-- grain: one row per event; key: event_id
-- inputs: fact_signpost, fact_patient_appointment, dim_date, dim_practice, dim_service, dim_outcome, dim_role,
--         dim_appointment_profile
with events as (
    select
        f.event_id,
        f.patient_pseudo_id,
        p.practice_code,
        p.practice_name,
        p.pcn_code,
        p.pcn_name,
        d.calendar_date as event_date,
        o.outcome_code,
        f.requested_gp_appointment
    from fact_signpost as f
    inner join dim_date as d on d.date_key = f.date_key
    inner join dim_practice as p on p.practice_key = f.practice_key
    inner join dim_outcome as o on o.outcome_key = f.outcome_key
    inner join dim_role as r on r.role_key = f.role_key
    where r.role_code = 'care_navigator'
      and d.calendar_date between $1 and $2
      and (cast($3 as varchar) is null or p.practice_code = $3 or p.pcn_code = $3 or p.sub_icb_code = $3 or p.icb_code = $3)
),
-- the span of patient-level appointments each practice sent (any staff, any status): follow-up is observable inside it
patient_level as (
    select
        p.practice_code,
        min(ad.calendar_date) as first_date,
        max(ad.calendar_date) as last_date
    from fact_patient_appointment as a
    inner join dim_date as ad on ad.date_key = a.date_key
    inner join dim_practice as p on p.practice_key = a.practice_key
    group by p.practice_code
),
gp_visits as (
    select
        a.patient_pseudo_id,
        ad.calendar_date as visit_date
    from fact_patient_appointment as a
    inner join dim_date as ad on ad.date_key = a.date_key
    inner join dim_appointment_profile as ap on ap.appointment_profile_key = a.appointment_profile_key
    where ap.hcp_type = 'GP'
      and ap.appt_status <> 'DNA'
),
visits as (
    select
        e.event_id,
        count(v.patient_pseudo_id) as gp_visits_in_window
    from events as e
    left join gp_visits as v
        on v.patient_pseudo_id = e.patient_pseudo_id
        and v.visit_date > e.event_date
        and v.visit_date <= e.event_date + cast($4 as integer)
    group by e.event_id
)
select
    e.event_id,
    e.patient_pseudo_id,
    e.practice_code,
    e.practice_name,
    e.pcn_code,
    e.pcn_name,
    e.event_date,
    e.outcome_code,
    e.requested_gp_appointment,
    v.gp_visits_in_window,
    case when pl.practice_code is null then 0 else 1 end as practice_has_patient_level,
    case when pl.first_date <= e.event_date and pl.last_date >= e.event_date + cast($4 as integer) then 1 else 0 end as follow_up_complete
from events as e
inner join visits as v on v.event_id = e.event_id
left join patient_level as pl on pl.practice_code = e.practice_code
order by e.event_id
