-- job_working_day: which working day of its month a date ($1) is, and whether it is one (dim_date: no weekends,
-- no England & Wales bank holidays), for the monthly pack job's timetable
-- grain: one row; inputs: dim_date
select
    (select count(*)
     from dim_date as m
     where m.month_start_date = d.month_start_date
       and m.calendar_date <= d.calendar_date
       and m.is_working_day) as working_day_number,
    d.is_working_day
from dim_date as d
where d.calendar_date = $1
