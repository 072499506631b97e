-- supersede_practice_months: a GPAD practice file replaces, for each practice and month it holds, whatever earlier
-- batches loaded for that practice and month ($1: the new batch), so a partial file replaces its own practices and
-- never adds to them, and files for different practices of one month sit side by side. Earlier batches it touches
-- get superseded_by = $1; those left with no facts are superseded, the others stay loaded for their other practices.
-- Rows of practices unknown when loaded (key 0) carry no code: an earlier file with the same scope ($2: format,
-- period and practice list) gives up its unknown rows too, as a whole re-issue.
-- grain: statements over fact_appointments and etl_load_batch; inputs: dim_practice

-- A practice version and month are one number (key × 10^8 + yyyymm00), so each step is a hash semi-join against the
-- new batch's few thousand pairs rather than a correlated look-up per fact row.
update etl_load_batch
set superseded_by = $1
where load_batch_id in (
    select distinct f.load_batch_id
    from fact_appointments as f
    where f.load_batch_id <> $1
      and cast(f.practice_key as bigint) * 100000000 + (f.date_key - f.date_key % 100) in (
          select cast(po.practice_key as bigint) * 100000000 + n.year_month
          from (select distinct practice_key, date_key - date_key % 100 as year_month from fact_appointments where load_batch_id = $1) as n
          join dim_practice as pn on pn.practice_key = n.practice_key
          join dim_practice as po on po.practice_code = pn.practice_code))
   or (scope_key = $2 and status = 'loaded' and load_batch_id <> $1);
delete from fact_appointments
where load_batch_id in (select load_batch_id from etl_load_batch where superseded_by = $1 and status = 'loaded')
  and practice_key <> 0
  and cast(practice_key as bigint) * 100000000 + (date_key - date_key % 100) in (
          select cast(po.practice_key as bigint) * 100000000 + n.year_month
          from (select distinct practice_key, date_key - date_key % 100 as year_month from fact_appointments where load_batch_id = $1) as n
          join dim_practice as pn on pn.practice_key = n.practice_key
          join dim_practice as po on po.practice_code = pn.practice_code);
delete from fact_appointments
where practice_key = 0
  and load_batch_id in (select load_batch_id from etl_load_batch where scope_key = $2 and status = 'loaded' and load_batch_id <> $1);
update etl_load_batch
set status = 'superseded'
where superseded_by = $1 and status = 'loaded'
  and not exists (select 1 from fact_appointments as f where f.load_batch_id = etl_load_batch.load_batch_id);
