-- V009 inferred practices (Kimball's inferred member): a practice first seen in an extract, before any practice
-- map names it, gets a dim_practice version from what the extract says of it (the crosstab's name, PCN and
-- sub-ICB; other extracts only its code), marked inferred; a later map completes it (see dim_practice.sql).
-- Facts point at it from the start, so a map placing the practice places every row loaded earlier.
-- grain: no new table; inputs: dim_practice
alter table dim_practice add column is_inferred boolean default false;
update dim_practice set is_inferred = false where is_inferred is null;
