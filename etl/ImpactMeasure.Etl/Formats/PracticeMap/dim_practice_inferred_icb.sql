-- dim_practice_inferred_icb: the ICB of practices inferred by one batch ($1) from their sub-ICB, where another
-- practice of the warehouse places that sub-ICB in an ICB (extracts name the sub-ICB but not its ICB)
-- grain: one row per practice version; inputs: dim_practice
update dim_practice
set icb_code = k.icb_code,
    icb_name = k.icb_name
from (
    select sub_icb_code, max(icb_code) as icb_code, max(icb_name) as icb_name
    from dim_practice
    where icb_code is not null and sub_icb_code is not null
    group by sub_icb_code
) as k
where dim_practice.load_batch_id = $1
  and dim_practice.is_inferred
  and dim_practice.icb_code is null
  and dim_practice.sub_icb_code = k.sub_icb_code
