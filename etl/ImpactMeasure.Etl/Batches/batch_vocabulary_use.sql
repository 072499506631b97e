-- batch_vocabulary_use: one mapped value of a batch ($1 batch, $2 column, $3 supplier's value, $4 code, $5 rows)
-- grain: one row per batch x column x value; inputs: none
insert into etl_vocabulary_use (load_batch_id, column_name, source_value, code, row_count) values ($1, $2, $3, $4, $5)
