-- rpt_latest_month: the latest month holding GPAD or signposting facts, the default report period
-- grain: one row; inputs: fact_appointments, fact_signpost, dim_date ($1..$3 unused: every report query takes them)
select
    max(d.month_start_date) as latest_month
from dim_date as d
where d.date_key in (select f.date_key from fact_appointments as f)
   or d.date_key in (select s.date_key from fact_signpost as s)
