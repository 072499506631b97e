-- fragments/navigation_flags: the common table expressions ending in `flagged`, one row per care-navigator
-- signposting event away from the GP in the window ($1..$2) and area ($3), with METHODS §1's counts as 0/1 columns
-- (the same split as FollowUpCounts): re-presented when the patient has a GP appointment (not DNA) in the $4 days
-- after it at the same practice version, follow-up complete when those days lie wholly inside the patient-level
-- data that practice version sent. Every join between facts is on practice_key as well (WAREHOUSE.md: on Citus the
-- facts are distributed by it, so these joins run on each shard); a practice that moves PCN is a new version, so its
-- events in the days before the move have incomplete follow-up rather than unseen re-presentations.
-- Included by rpt_navigation_kinds and rpt_navigation_months; each expression is used once (Citus plans a common
-- table expression used twice by pulling its rows to the coordinator).
with events as (
    select
        f.event_id,
        f.practice_key,
        f.patient_pseudo_id,
        d.calendar_date as event_date,
        d.month_start_date,
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
gp_visits as (
    select
        a.practice_key,
        a.patient_pseudo_id,
        ad.calendar_date as visit_date
    from fact_patient_appointment as a
    inner join dim_date as ad on ad.date_key = a.date_key
    inner join dim_appointment_profile as ap on ap.appointment_profile_key = a.appointment_profile_key
    where ap.hcp_type = 'GP'
      and ap.appt_status <> 'DNA'
),
--@include fragments/navigation_visits.sql
-- the span of patient-level appointments each practice version sent (any staff, any status): follow-up is observable inside it
patient_level as (
    select
        a.practice_key,
        min(ad.calendar_date) as first_date,
        max(ad.calendar_date) as last_date
    from fact_patient_appointment as a
    inner join dim_date as ad on ad.date_key = a.date_key
    group by a.practice_key
),
classified as (
    select
        w.practice_key,
        w.patient_pseudo_id,
        w.month_start_date,
        w.outcome_code,
        w.outcome_code in ('accepted', 'attended') as is_diverted,
        -- Y frees a GP appointment, and so does a blank (counted, with a note); N never does
        coalesce(w.requested_gp_appointment, true) as frees_gp,
        w.requested_gp_appointment is null as is_requested_blank,
        pl.practice_key is not null as has_patient_level,
        coalesce(pl.first_date <= w.event_date and pl.last_date >= w.event_date + cast($4 as integer), false) as is_follow_up_complete,
        w.gp_visits_in_window > 0 as is_represented
    from with_visits as w
    left join patient_level as pl on pl.practice_key = w.practice_key
),
flagged as (
    select
        practice_key,
        patient_pseudo_id,
        month_start_date,
        1 as signposted,
        case when is_diverted then 1 else 0 end as diverted,
        case when is_diverted and not frees_gp then 1 else 0 end as not_requested,
        case when is_diverted and is_requested_blank then 1 else 0 end as requested_blank,
        case when is_diverted and frees_gp and has_patient_level and is_follow_up_complete then 1 else 0 end as follow_up_complete,
        case when is_diverted and frees_gp and has_patient_level and is_follow_up_complete and is_represented then 1 else 0 end as represented,
        case when is_diverted and frees_gp and has_patient_level and not is_follow_up_complete then 1 else 0 end as follow_up_incomplete,
        case when is_diverted and frees_gp and not has_patient_level then 1 else 0 end as no_patient_level,
        case when is_diverted and frees_gp and outcome_code = 'attended' then 1 else 0 end as attended,
        case when frees_gp and outcome_code = 'no_response' then 1 else 0 end as no_response
    from classified
)
