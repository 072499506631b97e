-- fragments/navigation_visits: each event of `events` with the number of the patient's GP visits (`gp_visits`) in the
-- $4 days after it at the same practice version. Written as a join and a count for PostgreSQL and Citus, which
-- plan it as a hash join shard by shard; DuckDB reads navigation_visits.duckdb.sql in its place.
-- Included by fragments/navigation_flags.
with_visits as (
    select
        e.event_id,
        e.practice_key,
        e.patient_pseudo_id,
        e.event_date,
        e.month_start_date,
        e.outcome_code,
        e.requested_gp_appointment,
        count(v.visit_date) as gp_visits_in_window
    from events as e
    left join gp_visits as v
        on v.practice_key = e.practice_key
        and v.patient_pseudo_id = e.patient_pseudo_id
        and v.visit_date > e.event_date
        and v.visit_date <= e.event_date + cast($4 as integer)
    group by e.event_id, e.practice_key, e.patient_pseudo_id, e.event_date, e.month_start_date, e.outcome_code, e.requested_gp_appointment
),
