-- rpt_practice_coverage: practices in the area ($3) with GPAD appointments in the window ($1..$2) against practices
-- currently mapped there
-- grain: one row; inputs: dim_practice, fact_appointments, dim_date
select
    (select count(*) from dim_practice as p
     where p.is_current and p.practice_key <> 0
       and (cast($3 as varchar) is null or p.practice_code = $3 or p.pcn_code = $3 or p.sub_icb_code = $3 or p.icb_code = $3)) as practices_mapped,
    (select count(distinct p.practice_code)
     from fact_appointments as f
     inner join dim_practice as p on p.practice_key = f.practice_key
     inner join dim_date as d on d.date_key = f.date_key
     where d.calendar_date between $1 and $2
       and p.practice_key <> 0
       and (cast($3 as varchar) is null or p.practice_code = $3 or p.pcn_code = $3 or p.sub_icb_code = $3 or p.icb_code = $3)) as practices_reporting,
    (select coalesce(sum(f.appointment_count), 0)
     from fact_appointments as f
     inner join dim_date as d on d.date_key = f.date_key
     where d.calendar_date between $1 and $2 and f.practice_key = 0) as appointments_unknown_practice
