-- fragments/referral_counts (PostgreSQL and Citus): `counts`, the window's signposting and referral events in area
-- with their outcome counted, summed by month, practice version, service, role and referrer role first (Citus: shard
-- by shard), materialized because Citus plans grouping sets only over an intermediate result, not a distributed
-- table. DuckDB reads referral_counts.duckdb.sql in its place. Included by rpt_referral_outcomes, which sums the
-- columns over its grouping sets. Sums cast to bigint: DuckDB sums integers as 128-bit.
with counts as materialized (
    select
        d.month_start_date,
        f.practice_key,
        f.service_key,
        f.role_key,
        f.referrer_role_key,
        count(*) as referrals,
        cast(sum(case when o.is_service_decision then 1 else 0 end) as bigint) as with_decision,
        cast(sum(case when o.is_accepted_by_service then 1 else 0 end) as bigint) as accepted_by_service,
        cast(sum(case when o.outcome_code = 'rejected_capacity' then 1 else 0 end) as bigint) as rejected_capacity,
        cast(sum(case when o.outcome_code = 'rejected_inappropriate' then 1 else 0 end) as bigint) as rejected_inappropriate,
        cast(sum(case when o.is_declined_by_patient then 1 else 0 end) as bigint) as declined_by_patient,
        cast(sum(case when o.is_pending then 1 else 0 end) as bigint) as pending,
        cast(sum(case when o.outcome_code = 'attended' then 1 else 0 end) as bigint) as attended,
        cast(sum(case when o.outcome_code = 'attended' then f.days_to_outcome else 0 end) as bigint) as attended_days_to_outcome,
        cast(sum(case when o.outcome_code = 'attended' then f.days_to_outcome * f.days_to_outcome else 0 end) as bigint) as attended_days_squared
    from fact_signpost as f
    inner join dim_date as d on d.date_key = f.date_key
    inner join dim_practice as p on p.practice_key = f.practice_key
    inner join dim_outcome as o on o.outcome_key = f.outcome_key
    where d.calendar_date between $1 and $2
      and (cast($3 as varchar) is null or p.practice_code = $3 or p.pcn_code = $3 or p.sub_icb_code = $3 or p.icb_code = $3)
    group by d.month_start_date, f.practice_key, f.service_key, f.role_key, f.referrer_role_key
)
