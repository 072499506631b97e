-- instrument_ranges: the score range of each wellbeing instrument, to range-check rows as they are read
-- grain: one row per instrument; inputs: dim_instrument
select instrument_code, min_score, max_score from dim_instrument where instrument_key <> 0
