-- job_run_insert: records one run of a scheduler job ($1 job, $2 scheduled fire time, $3 finished, $4 outcome, $5 message)
-- grain: one row per job run; inputs: none
insert into etl_job_run (job_name, fired_at, finished_at, outcome, message) values ($1, $2, $3, $4, $5)
