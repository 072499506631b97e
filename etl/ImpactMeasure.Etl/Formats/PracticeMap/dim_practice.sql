-- dim_practice: SCD type 2 from one practice-mapping batch ($1): changed practices get a new version from the
-- file's effective date; practices seen for the first time get one version covering all history
-- grain: one row per practice version; key: practice_key (valid_from inclusive, valid_to exclusive), numbered on
-- from the highest key in code order
-- inputs: stg_practice_mapping (this batch), dim_practice (inferred practices completed first: dim_practice_complete_inferred.sql)

update dim_practice
set valid_to = s.effective_date,
    is_current = false
from stg_practice_mapping as s
where s.load_batch_id = $1
  and dim_practice.practice_code = s.practice_code
  and dim_practice.is_current
  and dim_practice.valid_from < s.effective_date
  and (coalesce(dim_practice.practice_name, '') <> coalesce(s.practice_name, dim_practice.practice_name, '')
    or coalesce(dim_practice.pcn_code, '') <> coalesce(s.pcn_code, '')
    or coalesce(dim_practice.sub_icb_code, '') <> coalesce(s.sub_icb_code, '')
    or coalesce(dim_practice.icb_code, '') <> coalesce(s.icb_code, '')
    or coalesce(dim_practice.region_code, '') <> coalesce(s.region_code, ''));

insert into dim_practice (
    practice_key, practice_code, practice_name, pcn_code, pcn_name, sub_icb_code, sub_icb_name,
    icb_code, icb_name, region_code, region_name, supplier, valid_from, valid_to, is_current, load_batch_id)
select
    (select coalesce(max(k.practice_key), 0) from dim_practice as k) + row_number() over (order by s.practice_code),
    s.practice_code,
    s.practice_name,
    s.pcn_code,
    s.pcn_name,
    s.sub_icb_code,
    s.sub_icb_name,
    s.icb_code,
    s.icb_name,
    s.region_code,
    s.region_name,
    s.supplier,
    case when exists (select 1 from dim_practice as d where d.practice_code = s.practice_code)
        then s.effective_date else date '1900-01-01' end,
    date '9999-12-31',
    true,
    $1
from stg_practice_mapping as s
where s.load_batch_id = $1
  and not exists (select 1 from dim_practice as d where d.practice_code = s.practice_code and d.is_current);

-- an inferred practice the map agrees with is no longer inferred (one the map disagreed with was closed above)
update dim_practice
set is_inferred = false
where is_current
  and is_inferred
  and practice_code in (select s.practice_code from stg_practice_mapping as s where s.load_batch_id = $1)
