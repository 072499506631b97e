-- dim_service: destination services first seen in one signposting batch ($1)
-- grain: one row per service code; key: service_key, numbered on from the highest key in code order
-- inputs: stg_signposting (this batch), ref_service_category, dim_service

insert into dim_service (service_key, service_code, service_name, category_code, sector, area_code)
select
    (select coalesce(max(k.service_key), 0) from dim_service as k) + row_number() over (order by n.service_code),
    n.service_code,
    n.service_name,
    n.category_code,
    n.sector,
    null
from (
    select
        s.service_code,
        max(s.service_name) as service_name,
        max(c.category_code) as category_code,
        max(c.default_sector) as sector
    from stg_signposting as s
    inner join ref_service_category as c on c.category_code = s.service_category
    where s.load_batch_id = $1
      and not exists (select 1 from dim_service as d where d.service_code = s.service_code)
    group by s.service_code
) as n;
