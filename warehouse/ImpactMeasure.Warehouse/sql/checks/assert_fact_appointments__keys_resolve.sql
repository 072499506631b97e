-- assert_fact_appointments__keys_resolve: every appointment fact points at existing dimension members
-- grain: one row per orphaned key combination; empty = pass
-- inputs: fact_appointments, dim_practice, dim_date, dim_appointment_profile
select
    f.practice_key,
    f.date_key,
    f.appointment_profile_key,
    count(*) as fact_rows
from fact_appointments as f
left join dim_practice as p on p.practice_key = f.practice_key
left join dim_date as d on d.date_key = f.date_key
left join dim_appointment_profile as a on a.appointment_profile_key = f.appointment_profile_key
where p.practice_key is null
   or d.date_key is null
   or a.appointment_profile_key is null
group by f.practice_key, f.date_key, f.appointment_profile_key
