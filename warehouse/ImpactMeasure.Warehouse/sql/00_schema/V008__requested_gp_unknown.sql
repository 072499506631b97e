-- V008 requested_gp_appointment may be unknown: a blank in the extract is stored as null, not as "no", so that
-- reports can count it as requested with a note (METHODS §1) rather than silently dropping it from freed time
-- grain: no new table; inputs: fact_signpost, stg_signposting
alter table stg_signposting alter column requested_gp_appointment drop not null;
alter table fact_signpost alter column requested_gp_appointment drop not null;
