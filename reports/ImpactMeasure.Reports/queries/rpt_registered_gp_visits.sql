-- rpt_registered_gp_visits: the GP appointments (not DNA) of patients registered in area $3 (all when null) from $4
-- days before the window to $4 days after it, for the matched before/after model's six months either side of each
-- referral
-- grain: one row per patient x GP appointment; inputs: fact_patient_appointment, dim_registered_patient, dim_practice,
--        dim_date, dim_appointment_profile
select a.patient_pseudo_id, d.calendar_date as visit_date
from fact_patient_appointment as a
inner join dim_date as d on d.date_key = a.date_key
inner join dim_appointment_profile as ap on ap.appointment_profile_key = a.appointment_profile_key
where ap.hcp_type = 'GP'
  and ap.appt_status <> 'DNA'
  and d.calendar_date between $1 - cast($4 as integer) and $2 + cast($4 as integer)
  and a.patient_pseudo_id in (
      select rp.patient_pseudo_id
      from dim_registered_patient as rp
      inner join dim_practice as p on p.practice_key = rp.practice_key
      where cast($3 as varchar) is null or p.practice_code = $3 or p.pcn_code = $3 or p.sub_icb_code = $3 or p.icb_code = $3)
order by a.patient_pseudo_id, d.calendar_date
