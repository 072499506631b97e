-- assert_dimensions__unknown_member: every dimension holds its Unknown member at key 0
-- grain: one row per dimension missing it; empty = pass
-- inputs: every dim_ table
select dimension
from (
    select 'dim_date' as dimension, count(*) as members from dim_date where date_key = 0
    union all select 'dim_practice', count(*) from dim_practice where practice_key = 0
    union all select 'dim_service', count(*) from dim_service where service_key = 0
    union all select 'dim_role', count(*) from dim_role where role_key = 0
    union all select 'dim_outcome', count(*) from dim_outcome where outcome_key = 0
    union all select 'dim_reason', count(*) from dim_reason where reason_key = 0
    union all select 'dim_appointment_profile', count(*) from dim_appointment_profile where appointment_profile_key = 0
    union all select 'dim_patient_band', count(*) from dim_patient_band where patient_band_key = 0
    union all select 'dim_instrument', count(*) from dim_instrument where instrument_key = 0
) as unknown_members
where members <> 1
