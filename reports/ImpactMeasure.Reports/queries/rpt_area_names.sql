-- rpt_area_names: the name, level, PCN (of a practice) and ICB of every code an --area may name, from the current practice versions
-- grain: one row per code and level (a code has one level in the NHS's code lists); inputs: dim_practice
select code, max(name) as name, level, max(pcn_code) as pcn_code, max(pcn_name) as pcn_name, max(icb_code) as icb_code, max(icb_name) as icb_name
from (
    select practice_code as code, practice_name as name, 'practice' as level, pcn_code, pcn_name, icb_code, icb_name from dim_practice where practice_key <> 0 and is_current
    union all select pcn_code, pcn_name, 'PCN', null, null, icb_code, icb_name from dim_practice where practice_key <> 0 and is_current and pcn_code is not null
    union all select sub_icb_code, sub_icb_name, 'sub-ICB', null, null, icb_code, icb_name from dim_practice where practice_key <> 0 and is_current and sub_icb_code is not null
    union all select icb_code, icb_name, 'ICB', null, null, icb_code, icb_name from dim_practice where practice_key <> 0 and is_current and icb_code is not null
) as names
group by code, level
order by code
