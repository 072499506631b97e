-- supersede_practice_months: a GPAD practice file replaces, for each practice and month it holds, whatever earlier
-- batches loaded for that practice and month ($1: the new batch), so a partial file replaces its own practices and
-- never adds to them, and files for different practices of one month sit side by side. Earlier batches it touches
-- get superseded_by = $1; those left with no facts are superseded, the others stay loaded for their other practices.
-- Rows of practices unknown when loaded (key 0) carry no code: an earlier file with the same scope ($2: format,
-- period and practice list) gives up its unknown rows too, as a whole re-issue.
-- grain: statements over fact_appointments and etl_load_batch; inputs: dim_practice

update etl_load_batch
set superseded_by = $1
where load_batch_id in (
    select distinct f.load_batch_id
    from fact_appointments as f
    join dim_practice as po on po.practice_key = f.practice_key
    where f.load_batch_id <> $1
      and exists (
          select 1
          from fact_appointments as n
          join dim_practice as pn on pn.practice_key = n.practice_key
          where n.load_batch_id = $1 and pn.practice_code = po.practice_code and n.date_key / 100 = f.date_key / 100))
   or (scope_key = $2 and status = 'loaded' and load_batch_id <> $1);
delete from fact_appointments
where load_batch_id in (select load_batch_id from etl_load_batch where superseded_by = $1 and status = 'loaded')
  and practice_key <> 0
  and exists (
      select 1
      from fact_appointments as n
      join dim_practice as pn on pn.practice_key = n.practice_key
      join dim_practice as po on po.practice_code = pn.practice_code
      where n.load_batch_id = $1 and po.practice_key = fact_appointments.practice_key and n.date_key / 100 = fact_appointments.date_key / 100);
delete from fact_appointments
where practice_key = 0
  and load_batch_id in (select load_batch_id from etl_load_batch where scope_key = $2 and status = 'loaded' and load_batch_id <> $1);
update etl_load_batch
set status = 'superseded'
where superseded_by = $1 and status = 'loaded'
  and not exists (select 1 from fact_appointments as f where f.load_batch_id = etl_load_batch.load_batch_id);
