-- rpt_navigation_kinds: care-navigation events of the window ($1..$2) and area ($3), re-presentation within $4 days,
-- as METHODS §1's counts per patient of a practice version, and those patients counted by kind: the patients of a
-- practice with the same counts are one row. A practice's figures are the sum over its rows (counts x patients); its
-- own interval resamples its patients, which these rows give in full without one row per event.
-- grain: one row per practice version x kind of patient; key: practice_key and the ten counts
-- inputs: fact_signpost, fact_patient_appointment, dim_date, dim_practice, dim_outcome, dim_role, dim_appointment_profile
--@include fragments/navigation_flags.sql
,
per_patient as (
    select
        practice_key,
        patient_pseudo_id,
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
    from flagged
    group by practice_key, patient_pseudo_id
),
kinds as (
    select
        practice_key, signposted, diverted, not_requested, requested_blank, follow_up_complete, represented,
        follow_up_incomplete, no_patient_level, attended, no_response,
        count(*) as patients
    from per_patient
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
    k.patients
from kinds as k
inner join dim_practice as p on p.practice_key = k.practice_key
order by p.practice_code, p.pcn_code, k.practice_key, k.signposted, k.diverted, k.not_requested, k.requested_blank, k.follow_up_complete,
    k.represented, k.follow_up_incomplete, k.no_patient_level, k.attended, k.no_response
