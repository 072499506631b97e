-- practice_versions: every practice version, to resolve a practice code on a date to its key as rows are read;
-- the last column marks inferred practices known only by their code (not placed in a PCN or sub-ICB yet)
-- grain: one row per practice version; inputs: dim_practice
select practice_code, valid_from, valid_to, practice_key,
    case when coalesce(is_inferred, false) and pcn_code is null and sub_icb_code is null then 1 else 0 end
from dim_practice where practice_key <> 0 order by practice_code, valid_from
