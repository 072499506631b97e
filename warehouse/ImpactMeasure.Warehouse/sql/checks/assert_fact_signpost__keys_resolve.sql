-- assert_fact_signpost__keys_resolve: every signposting fact points at existing dimension members
-- grain: one row per orphaned event; empty = pass
-- inputs: fact_signpost and its dimensions
select
    f.event_id
from fact_signpost as f
left join dim_practice as p on p.practice_key = f.practice_key
left join dim_date as d on d.date_key = f.date_key
left join dim_role as r on r.role_key = f.role_key
left join dim_role as rr on rr.role_key = f.referrer_role_key
left join dim_service as s on s.service_key = f.service_key
left join dim_outcome as o on o.outcome_key = f.outcome_key
left join dim_reason as re on re.reason_key = f.reason_key
left join dim_patient_band as b on b.patient_band_key = f.patient_band_key
where p.practice_key is null
   or d.date_key is null
   or r.role_key is null
   or rr.role_key is null
   or s.service_key is null
   or o.outcome_key is null
   or re.reason_key is null
   or b.patient_band_key is null
