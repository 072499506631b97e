-- assert_fact_appointments__one_load_per_practice_month: a practice's month of GPAD appointments comes from one
-- batch; two batches for one practice, month and appointment profile is a double load
-- grain: one row per practice code, month and profile loaded by more than one batch; empty = pass
-- inputs: fact_appointments, dim_practice
select
    p.practice_code,
    f.date_key - f.date_key % 100 as year_month,
    f.appointment_profile_key,
    count(distinct f.load_batch_id) as batches
from fact_appointments as f
join dim_practice as p on p.practice_key = f.practice_key
group by p.practice_code, (f.date_key - f.date_key % 100), f.appointment_profile_key
having count(distinct f.load_batch_id) > 1
