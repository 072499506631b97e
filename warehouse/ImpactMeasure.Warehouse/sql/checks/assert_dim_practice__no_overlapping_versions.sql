-- assert_dim_practice__no_overlapping_versions: the versions of one practice never overlap in time
-- grain: one row per overlapping pair; empty = pass
-- inputs: dim_practice
select
    earlier.practice_code,
    earlier.practice_key as earlier_key,
    later.practice_key as later_key
from dim_practice as earlier
inner join dim_practice as later
    on later.practice_code = earlier.practice_code
    and later.practice_key <> earlier.practice_key
    and later.valid_from >= earlier.valid_from
    and later.valid_from < earlier.valid_to
