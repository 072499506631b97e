-- rpt_wellbeing_pairs: each baseline score whose follow-up fell due in the window ($1..$2: baseline date + $4 days)
-- in area ($3), with the same person's follow-up on the same instrument when there is one (paired per person: never
-- mean of baselines against mean of follow-ups; a baseline without a follow-up is lost to follow-up)
-- grain: one row per referral x instrument, in no set order: the reports only count the rows and sum their scores
-- exactly (WellbeingChange), so neither the order nor the referral's own id is read back (nationally half a million
-- rows: sorting them and carrying their ids cost about a third of the query)
-- inputs: fact_wellbeing, dim_instrument, dim_date, dim_practice (a referral's scores share its practice: joining on
-- practice_key too keeps the pair on one Citus worker), and the referral's own event in fact_signpost for the
-- person's deprivation quintile, age band and sex (equity; 'Unknown' / 'U' where the referral is not loaded)
select
    i.instrument_code,
    i.higher_is_better,
    p.pcn_code,
    p.pcn_name,
    b.score as baseline_score,
    fu.score as followup_score,
    coalesce(pb.deprivation_quintile, 'Unknown') as deprivation_quintile,
    coalesce(pb.age_band, 'Unknown') as age_band,
    coalesce(pb.sex, 'U') as sex
from fact_wellbeing as b
inner join dim_instrument as i on i.instrument_key = b.instrument_key
inner join dim_date as d on d.date_key = b.date_key
inner join dim_practice as p on p.practice_key = b.practice_key
left join fact_wellbeing as fu
    on fu.referral_id = b.referral_id
    and fu.practice_key = b.practice_key
    and fu.instrument_key = b.instrument_key
    and fu.timepoint = 'followup'
left join fact_signpost as s on s.event_id = b.referral_id and s.practice_key = b.practice_key
left join dim_patient_band as pb on pb.patient_band_key = s.patient_band_key
where b.timepoint = 'baseline'
  and d.calendar_date + cast($4 as integer) between $1 and $2
  and (cast($3 as varchar) is null or p.practice_code = $3 or p.pcn_code = $3 or p.sub_icb_code = $3 or p.icb_code = $3)
