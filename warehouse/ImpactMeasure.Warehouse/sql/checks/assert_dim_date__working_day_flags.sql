-- assert_dim_date__working_day_flags: a working day is exactly a weekday that is not a bank holiday
-- grain: one row per day whose flags disagree; empty = pass
-- inputs: dim_date
select
    date_key,
    is_weekend,
    is_bank_holiday,
    is_working_day
from dim_date
where date_key <> 0
  and is_working_day <> (not is_weekend and not is_bank_holiday)
