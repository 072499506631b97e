-- batch_superseded: an earlier batch ($1) left with no facts once replaced is superseded as a whole
-- grain: one batch; inputs: none
update etl_load_batch set status = 'superseded' where load_batch_id = $1
