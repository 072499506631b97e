-- V010 vocabulary maps in use: which of a supplier's values a load batch mapped to which code, and how many rows,
-- so a figure can be traced back to the map that coded it (impact.json "vocabulary")
-- grain: one row per batch x column x supplier's value; inputs: the ETL's counters
create table etl_vocabulary_use (
    load_batch_id bigint not null,
    column_name varchar not null,
    source_value varchar not null,
    code varchar not null,
    row_count bigint not null
);
