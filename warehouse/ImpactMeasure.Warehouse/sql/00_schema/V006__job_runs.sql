-- V006 job runs: what the scheduler service (impact serve) did, for impact status
-- grain: one row per job run; key: job_name, fired_at
-- inputs: none
create table etl_job_run (
    job_name varchar not null,
    fired_at timestamp not null,
    finished_at timestamp,
    outcome varchar not null,
    message varchar
);
