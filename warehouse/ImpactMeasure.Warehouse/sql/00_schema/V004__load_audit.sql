-- V004 load audit: what a load report needs per batch; GPAD files now load straight into their facts
-- grain: etl_load_batch gains columns (one row per loaded file, as before); stg_ tables of GPAD formats dropped
-- inputs: none

alter table etl_load_batch add column file_size_bytes bigint;
alter table etl_load_batch add column scope_key varchar;
alter table etl_load_batch add column extra_columns varchar;
alter table etl_load_batch add column rows_updated bigint default 0;
alter table etl_load_batch add column elapsed_ms bigint;
alter table etl_load_batch add column text_encoding varchar;

alter table stg_signposting add column days_to_outcome integer;

-- The GPAD readers resolve every key on the hot path and bulk-load integer-keyed rows into the facts
-- (ARCHITECTURE.md): a landing copy would only double the write.
drop table stg_gpad_practice_crosstab;
drop table stg_gpad_subicb;
drop table stg_gpad_coverage;
