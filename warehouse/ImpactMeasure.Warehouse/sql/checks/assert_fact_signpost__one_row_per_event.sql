-- assert_fact_signpost__one_row_per_event: a repeated event_id updates its event, never duplicates it
-- grain: one row per duplicated event_id; empty = pass
-- inputs: fact_signpost
select
    event_id,
    count(*) as versions
from fact_signpost
group by event_id
having count(*) > 1
