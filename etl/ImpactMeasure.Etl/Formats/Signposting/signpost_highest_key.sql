-- signpost_highest_key: the highest signpost_key so far; new events are numbered after it
-- grain: one row; inputs: fact_signpost
select coalesce(max(signpost_key), 0) from fact_signpost
