-- job_runs_latest: the ten latest job runs for impact status
-- grain: one row per job run; inputs: etl_job_run
select
    job_name,
    fired_at,
    finished_at,
    outcome,
    message
from etl_job_run
order by fired_at desc, job_name
limit 10
