-- practice_months_replaced: the earlier batches a GPAD practice file ($1: the new batch) replaces, wholly or in part:
-- those holding facts for a practice (any version of it) and month the new file holds, so a partial file replaces its
-- own practices and never adds to them, and files for different practices of one month sit side by side; and those
-- with the same scope ($2: format, period and practice list), whose rows of practices unknown when loaded (key 0,
-- no code to match) go too, as a whole re-issue.
-- grain: one row per replaced batch; inputs: fact_appointments, dim_practice, etl_load_batch

-- A practice version and month are one number (key × 10^8 + yyyymm00), so the match is a hash semi-join against the
-- new batch's few thousand pairs rather than a correlated look-up per fact row. A select, not an update of the batch
-- register: Citus updates a reference table only from reference tables, so the caller marks the batches it returns.
select distinct f.load_batch_id
from fact_appointments as f
where f.load_batch_id <> $1
  and cast(f.practice_key as bigint) * 100000000 + (f.date_key - f.date_key % 100) in (
      select cast(po.practice_key as bigint) * 100000000 + n.year_month
      from (select distinct practice_key, date_key - date_key % 100 as year_month from fact_appointments where load_batch_id = $1) as n
      join dim_practice as pn on pn.practice_key = n.practice_key
      join dim_practice as po on po.practice_code = pn.practice_code)
union
select load_batch_id
from etl_load_batch
where scope_key = $2 and status = 'loaded' and load_batch_id <> $1
