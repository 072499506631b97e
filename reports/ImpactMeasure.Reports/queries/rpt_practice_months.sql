-- rpt_practice_months: each practice's GP appointments (GPAD, every status) and registered patients (all-patients
-- list size) month by month in the window ($1..$2) and area ($3): the series the impact models fit
-- grain: one row per practice x month with appointments or a list size; inputs: fact_appointments,
-- dim_appointment_profile, fact_list_size, dim_practice, dim_date
select coalesce(a.practice_code, l.practice_code) as practice_code, coalesce(a.month_start_date, l.month_start_date) as month_start_date,
    a.gp_appointments, l.registered_patients
from (
    select p.practice_code, d.month_start_date, sum(f.appointment_count) as gp_appointments
    from fact_appointments as f
    inner join dim_appointment_profile as a on a.appointment_profile_key = f.appointment_profile_key
    inner join dim_practice as p on p.practice_key = f.practice_key
    inner join dim_date as d on d.date_key = f.date_key
    where d.calendar_date between $1 and $2
      and a.hcp_type = 'GP'
      and p.practice_key <> 0
      and (cast($3 as varchar) is null or p.practice_code = $3 or p.pcn_code = $3 or p.sub_icb_code = $3 or p.icb_code = $3)
    group by p.practice_code, d.month_start_date
) as a
full outer join (
    select p.practice_code, d.month_start_date, sum(l.registered_patients) as registered_patients
    from fact_list_size as l
    inner join dim_practice as p on p.practice_key = l.practice_key
    inner join dim_date as d on d.date_key = l.date_key
    where d.calendar_date between $1 and $2
      and l.patient_band_key = 0
      and p.practice_key <> 0
      and (cast($3 as varchar) is null or p.practice_code = $3 or p.pcn_code = $3 or p.sub_icb_code = $3 or p.icb_code = $3)
    group by p.practice_code, d.month_start_date
) as l on l.practice_code = a.practice_code and l.month_start_date = a.month_start_date
order by 1, 2
