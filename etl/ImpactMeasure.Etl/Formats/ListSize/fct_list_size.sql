-- fct_list_size: registered patients per practice and month from one list-size batch ($1)
-- grain: one row per practice x month (patient band 0 = all patients); key: practice_key, date_key
-- inputs: stg_list_size (this batch), practice_key resolved by the ETL

insert into fact_list_size (practice_key, date_key, patient_band_key, registered_patients, load_batch_id)
select
    coalesce(s.practice_key, 0),
    s.date_key,
    0,
    s.registered_patients,
    $1
from stg_list_size as s
inner join dim_date as d on d.date_key = s.date_key
where s.load_batch_id = $1;
