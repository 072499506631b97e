-- batch_period_loaded: loaded batches of a format ($1) whose period overlaps the months $2..$3, other than the new batch ($4):
-- only then can a file supersede anything at its grain
-- grain: one row; inputs: etl_load_batch
select count(*)
from etl_load_batch
where format_id = $1 and status = 'loaded' and load_batch_id <> $4 and period_start <= $3 and period_end >= $2
