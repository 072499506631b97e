-- rpt_pcn_profile: who each PCN's referrals are for, over the window ($1..$2) in the area ($3): all referrals, those of
-- patients in the most deprived 40% (IMD quintiles 1 and 2) and those aged 65 and over, as the extracts record them;
-- the profile that groups similar PCNs (with list size and GP appointments per 1,000 patients)
-- grain: one row per PCN; inputs: fact_signpost, dim_date, dim_practice, dim_patient_band
select
    p.pcn_code,
    count(*) as referrals,
    sum(case when b.deprivation_quintile in ('1', '2') then 1 else 0 end) as referrals_most_deprived,
    sum(case when b.deprivation_quintile <> 'Unknown' then 1 else 0 end) as referrals_with_deprivation,
    sum(case when b.age_band in ('65-79', '80+') then 1 else 0 end) as referrals_older,
    sum(case when b.age_band <> 'Unknown' then 1 else 0 end) as referrals_with_age
from fact_signpost as f
inner join dim_date as d on d.date_key = f.date_key
inner join dim_practice as p on p.practice_key = f.practice_key
inner join dim_patient_band as b on b.patient_band_key = f.patient_band_key
where d.calendar_date between $1 and $2
  and p.pcn_code is not null
  and (cast($3 as varchar) is null or p.practice_code = $3 or p.pcn_code = $3 or p.sub_icb_code = $3 or p.icb_code = $3)
group by p.pcn_code
order by 1
