-- The reference for rpt_navigation_kinds (NavigationKindsTests): care-navigation events of the window ($1..$2) and
-- area ($3) one row per event, as they were read before the counts moved into SQL, with what METHODS §1 needs to
-- classify each in C# (NavigationEvent): the GP visits in the $4 days after it at the same practice version, and
-- whether that version's patient-level data covers those days.
with events as (
    select f.event_id, f.practice_key, f.patient_pseudo_id, p.practice_code, p.practice_name, p.pcn_code, p.pcn_name,
        d.calendar_date as event_date, d.month_start_date, o.outcome_code, f.requested_gp_appointment
    from fact_signpost as f
    inner join dim_date as d on d.date_key = f.date_key
    inner join dim_practice as p on p.practice_key = f.practice_key
    inner join dim_outcome as o on o.outcome_key = f.outcome_key
    inner join dim_role as r on r.role_key = f.role_key
    where r.role_code = 'care_navigator'
      and d.calendar_date between $1 and $2
      and (cast($3 as varchar) is null or p.practice_code = $3 or p.pcn_code = $3 or p.sub_icb_code = $3 or p.icb_code = $3)
),
coverage as (
    select a.practice_key, min(ad.calendar_date) as first_date, max(ad.calendar_date) as last_date
    from fact_patient_appointment as a
    inner join dim_date as ad on ad.date_key = a.date_key
    group by a.practice_key
),
visits as (
    select e.event_id, count(a.patient_pseudo_id) as gp_visits_in_window
    from events as e
    left join (
        select a.practice_key, a.patient_pseudo_id, ad.calendar_date as visit_date
        from fact_patient_appointment as a
        inner join dim_date as ad on ad.date_key = a.date_key
        inner join dim_appointment_profile as ap on ap.appointment_profile_key = a.appointment_profile_key
        where ap.hcp_type = 'GP' and ap.appt_status <> 'DNA'
    ) as a
        on a.practice_key = e.practice_key and a.patient_pseudo_id = e.patient_pseudo_id
        and a.visit_date > e.event_date and a.visit_date <= e.event_date + cast($4 as integer)
    group by e.event_id
)
select
    e.event_id, e.practice_key, e.patient_pseudo_id, e.practice_code, e.practice_name, e.pcn_code, e.pcn_name, e.month_start_date, e.outcome_code,
    e.requested_gp_appointment, v.gp_visits_in_window,
    case when c.practice_key is null then 0 else 1 end as practice_has_patient_level,
    case when c.first_date <= e.event_date and c.last_date >= e.event_date + cast($4 as integer) then 1 else 0 end as follow_up_complete
from events as e
inner join visits as v on v.event_id = e.event_id
left join coverage as c on c.practice_key = e.practice_key
order by e.event_id
