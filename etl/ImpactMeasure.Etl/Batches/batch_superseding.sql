-- batch_superseding: marks an earlier batch ($2) as replaced, wholly or in part, by the new batch ($1)
-- grain: one batch; inputs: none
update etl_load_batch set superseded_by = $1 where load_batch_id = $2
