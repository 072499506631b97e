-- rpt_recorded_minutes: mean recorded appointment length in the window ($1..$2) from the GPAD actual-duration bands
-- (band mid-points weighted by count, known durations only); the files carry no HCP type, so this is all staff
-- grain: one row; inputs: fact_subicb_appointments, dim_appointment_profile, dim_date, ref_gpad_vocabulary
select
    sum(a.appointment_count * v.minutes_midpoint) as weighted_minutes,
    sum(a.appointment_count) as appointments
from fact_subicb_appointments as a
inner join dim_date as d on d.date_key = a.date_key
inner join dim_appointment_profile as ap on ap.appointment_profile_key = a.appointment_profile_key
inner join ref_gpad_vocabulary as v on v.attribute = 'actual_duration' and v.label = ap.actual_duration
where d.calendar_date between $1 and $2
  and v.minutes_midpoint is not null
