-- rpt_navigation_months: METHODS §1's counts of care-navigation events per month of the window ($1..$2) and area
-- ($3), re-presentation within $4 days (the pack's monthly headline series)
-- grain: one row per month with events; key: month_start_date
-- inputs: fact_signpost, fact_patient_appointment, dim_date, dim_practice, dim_outcome, dim_role, dim_appointment_profile
--@include fragments/navigation_flags.sql
select
    month_start_date,
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
group by month_start_date
order by month_start_date
