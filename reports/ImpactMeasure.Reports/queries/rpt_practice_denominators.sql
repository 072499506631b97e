-- rpt_practice_denominators: each practice's denominators over the window ($1..$2) in the area ($3), as
-- rpt_pcn_denominators counts a PCN's: GP appointments (GPAD, every status) and registered patients (all-patients list
-- size, the mean of its monthly totals), over every version of the practice; not person counts, so never suppressed
-- grain: one row per practice code; inputs: fact_appointments, dim_appointment_profile, fact_list_size, dim_practice, dim_date
select coalesce(a.practice_code, l.practice_code) as practice_code, a.gp_appointments, l.registered_patients
from (
    select p.practice_code, sum(f.appointment_count) as gp_appointments
    from fact_appointments as f
    inner join dim_appointment_profile as a on a.appointment_profile_key = f.appointment_profile_key
    inner join dim_practice as p on p.practice_key = f.practice_key
    inner join dim_date as d on d.date_key = f.date_key
    where d.calendar_date between $1 and $2
      and a.hcp_type = 'GP'
      and (cast($3 as varchar) is null or p.practice_code = $3 or p.pcn_code = $3 or p.sub_icb_code = $3 or p.icb_code = $3)
    group by p.practice_code
) as a
full outer join (
    select m.practice_code, avg(m.registered_patients) as registered_patients
    from (
        select p.practice_code, d.month_start_date, sum(l.registered_patients) as registered_patients
        from fact_list_size as l
        inner join dim_practice as p on p.practice_key = l.practice_key
        inner join dim_date as d on d.date_key = l.date_key
        where d.calendar_date between $1 and $2
          and l.patient_band_key = 0
          and (cast($3 as varchar) is null or p.practice_code = $3 or p.pcn_code = $3 or p.sub_icb_code = $3 or p.icb_code = $3)
        group by p.practice_code, d.month_start_date
    ) as m
    group by m.practice_code
) as l on l.practice_code = a.practice_code
order by 1
