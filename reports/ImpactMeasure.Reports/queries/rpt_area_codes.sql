-- rpt_area_codes: every code an --area may name: the practices, PCNs, sub-ICBs and ICBs of every practice version (not the
-- Unknown member)
-- grain: one row per code; inputs: dim_practice
select code
from (
    select practice_code as code from dim_practice where practice_key <> 0
    union select pcn_code from dim_practice where practice_key <> 0 and pcn_code is not null
    union select sub_icb_code from dim_practice where practice_key <> 0 and sub_icb_code is not null
    union select icb_code from dim_practice where practice_key <> 0 and icb_code is not null
) as codes
order by code
