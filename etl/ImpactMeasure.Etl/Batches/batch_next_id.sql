-- batch_next_id: the id of a new load batch
-- grain: one row; inputs: etl_load_batch_seq
select nextval('etl_load_batch_seq')
