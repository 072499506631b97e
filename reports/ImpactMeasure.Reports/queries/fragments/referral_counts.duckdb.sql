-- fragments/referral_counts (DuckDB): `counts` as in referral_counts.sql, but one row per event with its outcome as
-- 0/1 columns: DuckDB aggregates each grouping set straight from the events (small hash tables), where summing them
-- by month x practice x service x role first built 800 K groups nationally (rpt_referral_outcomes 0.7 s against
-- 1.7 s, the same rows).
with counts as (
    select
        d.month_start_date,
        f.practice_key,
        f.service_key,
        f.role_key,
        f.referrer_role_key,
        1 as referrals,
        case when o.is_service_decision then 1 else 0 end as with_decision,
        case when o.is_accepted_by_service then 1 else 0 end as accepted_by_service,
        case when o.outcome_code = 'rejected_capacity' then 1 else 0 end as rejected_capacity,
        case when o.outcome_code = 'rejected_inappropriate' then 1 else 0 end as rejected_inappropriate,
        case when o.is_declined_by_patient then 1 else 0 end as declined_by_patient,
        case when o.is_pending then 1 else 0 end as pending,
        case when o.outcome_code = 'attended' then 1 else 0 end as attended,
        case when o.outcome_code = 'attended' then f.days_to_outcome else 0 end as attended_days_to_outcome,
        case when o.outcome_code = 'attended' then f.days_to_outcome * f.days_to_outcome else 0 end as attended_days_squared
    from fact_signpost as f
    inner join dim_date as d on d.date_key = f.date_key
    inner join dim_practice as p on p.practice_key = f.practice_key
    inner join dim_outcome as o on o.outcome_key = f.outcome_key
    where d.calendar_date between $1 and $2
      and (cast($3 as varchar) is null or p.practice_code = $3 or p.pcn_code = $3 or p.sub_icb_code = $3 or p.icb_code = $3)
)
