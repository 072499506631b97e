-- fct_wellbeing: the scores of one wellbeing batch ($1); a score already held for the same referral,
-- instrument and time point is replaced
-- grain: one row per referral x instrument x time point; key: referral_id, instrument_key, timepoint
-- inputs: stg_wellbeing (this batch: the last line wins; practice_key resolved by the ETL), dim_instrument, dim_date

delete from fact_wellbeing
where exists (
    select 1
    from stg_wellbeing as s
    inner join dim_instrument as i on i.instrument_code = s.instrument_code
    where s.load_batch_id = $1
      and s.referral_id = fact_wellbeing.referral_id
      and i.instrument_key = fact_wellbeing.instrument_key
      and s.timepoint = fact_wellbeing.timepoint);

insert into fact_wellbeing (referral_id, patient_pseudo_id, practice_key, instrument_key, date_key, timepoint, score, load_batch_id)
select
    s.referral_id,
    s.patient_pseudo_id,
    coalesce(s.practice_key, 0),
    coalesce(i.instrument_key, 0),
    coalesce(d.date_key, 0),
    s.timepoint,
    s.score,
    $1
from (
    select
        l.*,
        row_number() over (partition by l.referral_id, l.instrument_code, l.timepoint order by l.line_number desc) as version_rank
    from stg_wellbeing as l
    where l.load_batch_id = $1
) as s
left join dim_instrument as i on i.instrument_code = s.instrument_code
left join dim_date as d on d.calendar_date = s.measured_on
where s.version_rank = 1;
