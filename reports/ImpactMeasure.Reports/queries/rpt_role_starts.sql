-- rpt_role_starts: the first month each practice of the area ($3) has events of each role, from the start of the
-- data to the window's end ($2): the known change points (care-navigation and link-worker starts) at which SPC
-- limits are recalculated (METHODS §5). $1 is unused but keeps the window parameters uniform.
-- grain: one row per practice x role; key: practice_code, role_code
-- inputs: fact_signpost, dim_date, dim_practice, dim_role
select
    p.practice_code,
    p.pcn_code,
    r.role_code,
    min(d.month_start_date) as first_month
from fact_signpost as f
inner join dim_date as d on d.date_key = f.date_key
inner join dim_practice as p on p.practice_key = f.practice_key
inner join dim_role as r on r.role_key = f.role_key
where d.calendar_date <= $2
  and cast($1 as date) is not null
  and (cast($3 as varchar) is null or p.practice_code = $3 or p.pcn_code = $3 or p.sub_icb_code = $3 or p.icb_code = $3)
group by p.practice_code, p.pcn_code, r.role_code
order by p.practice_code, r.role_code
