-- assert_dim_practice__one_current_version: SCD2 keeps exactly one current version per practice, with ordered dates
-- grain: one row per practice code that breaks it; empty = pass
-- inputs: dim_practice
select
    practice_code,
    sum(case when is_current then 1 else 0 end) as current_versions,
    sum(case when valid_to < valid_from then 1 else 0 end) as reversed_versions
from dim_practice
group by practice_code
having sum(case when is_current then 1 else 0 end) <> 1
    or sum(case when valid_to < valid_from then 1 else 0 end) > 0
