-- practice_months_delete: deletes, from the batches the new batch ($1) replaces (marked superseded_by = $1), the
-- facts for the practices and months the new batch holds; and the rows of unknown practices (key 0) of an earlier
-- batch with the same scope ($2)
-- grain: statements over fact_appointments; inputs: etl_load_batch, dim_practice

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
