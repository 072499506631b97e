-- rpt_working_days_after: the working days (by dim_date: no weekends, no bank holidays) of the two months after the
-- window, numbered within their month, for the next publication date ($1 is used only so both engines can type it)
-- grain: one row per working day; inputs: dim_date
select calendar_date, month_start_date,
       row_number() over (partition by month_start_date order by calendar_date) as working_day
from dim_date
where is_working_day
  and calendar_date > $2
  and calendar_date >= $1
  and calendar_date <= $2 + 62
order by calendar_date
