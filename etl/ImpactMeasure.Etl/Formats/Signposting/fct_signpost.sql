-- fct_signpost: the events of one signposting batch ($1); an event_id seen before is replaced by its latest version
-- grain: one row per event; key: signpost_key (event_id unique), numbered on in event_id order from $2, the highest
-- key before this batch: never a key deleted in the same transaction (DuckDB refuses to re-insert one), and
-- deterministic (nextval in this statement once misplaced values on DuckDB)
-- inputs: stg_signposting (this batch: the last line of each event_id wins; practice_key resolved
--         by the ETL), dim_date, dim_role,
--         dim_service, dim_outcome, dim_reason, dim_patient_band

delete from fact_signpost
where event_id in (select s.event_id from stg_signposting as s where s.load_batch_id = $1);

insert into fact_signpost (
    signpost_key, event_id, date_key, practice_key, role_key, referrer_role_key, service_key, outcome_key,
    reason_key, patient_band_key, outcome_date_key, patient_pseudo_id, requested_gp_appointment, days_to_outcome,
    load_batch_id)
select
    cast($2 as bigint) + row_number() over (order by s.event_id),
    s.event_id,
    coalesce(d.date_key, 0),
    coalesce(s.practice_key, 0),
    coalesce(r.role_key, 0),
    coalesce(rr.role_key, 0),
    coalesce(sv.service_key, 0),
    coalesce(o.outcome_key, 0),
    coalesce(re.reason_key, 0),
    coalesce(b.patient_band_key, 0),
    coalesce(od.date_key, 0),
    s.patient_pseudo_id,
    s.requested_gp_appointment,
    s.days_to_outcome,
    $1
from (
    select
        l.*,
        row_number() over (partition by l.event_id order by l.line_number desc) as version_rank
    from stg_signposting as l
    where l.load_batch_id = $1
) as s
left join dim_date as d on d.calendar_date = s.event_date
left join dim_date as od on od.calendar_date = s.outcome_date
left join dim_role as r on r.role_code = s.role_code
left join dim_role as rr on rr.role_code = s.referrer_role_code
left join dim_service as sv on sv.service_code = s.service_code
left join dim_outcome as o on o.outcome_code = s.outcome_code
left join dim_reason as re on re.reason_code = s.reason_code
left join dim_patient_band as b
    on b.age_band = coalesce(s.age_band, 'Unknown')
    and b.sex = coalesce(s.sex, 'U')
    and b.deprivation_quintile = coalesce(cast(cast(ceil(s.imd_decile / 2.0) as integer) as varchar), 'Unknown')
where s.version_rank = 1;
