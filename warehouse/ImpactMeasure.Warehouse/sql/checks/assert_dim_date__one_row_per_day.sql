-- assert_dim_date__one_row_per_day: dim_date covers its range with no gap and no duplicate
-- grain: one row per problem found; empty = pass
-- inputs: dim_date
select
    'gap or duplicate' as problem,
    count(*) as days,
    min(calendar_date) as first_day,
    max(calendar_date) as last_day
from dim_date
where date_key <> 0
having count(*) <> count(distinct calendar_date)
    or count(*) <> max(calendar_date) - min(calendar_date) + 1
