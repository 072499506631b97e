-- dim_practice_complete_inferred: a practice map ($1) fills in what inferred practices lacked (a code-only
-- practice gets everything; the crosstab's gets its ICB and region) in place, before dim_practice.sql compares
-- versions: what the map adds is not a change of the practice, only what the extract did not say. The map's
-- practice name replaces the extract's (a spelling, not history). A map that disagrees with what an extract said
-- of the practice's place (another PCN) then starts a new version from its date under the SCD2 rules.
-- grain: one row per practice version; inputs: stg_practice_mapping (this batch), dim_practice
update dim_practice
set practice_name = coalesce(s.practice_name, dim_practice.practice_name),
    pcn_code = coalesce(dim_practice.pcn_code, s.pcn_code),
    pcn_name = coalesce(dim_practice.pcn_name, s.pcn_name),
    sub_icb_code = coalesce(dim_practice.sub_icb_code, s.sub_icb_code),
    sub_icb_name = coalesce(dim_practice.sub_icb_name, s.sub_icb_name),
    icb_code = coalesce(dim_practice.icb_code, s.icb_code),
    icb_name = coalesce(dim_practice.icb_name, s.icb_name),
    region_code = coalesce(dim_practice.region_code, s.region_code),
    region_name = coalesce(dim_practice.region_name, s.region_name),
    supplier = coalesce(dim_practice.supplier, s.supplier)
from stg_practice_mapping as s
where s.load_batch_id = $1
  and dim_practice.practice_code = s.practice_code
  and dim_practice.is_current
  and dim_practice.is_inferred
