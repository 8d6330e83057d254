INSERT INTO ops.job_runs SET job = 'nightly', started_at = NOW();
INSERT INTO ops.job_events (job, kind) VALUES ('nightly', 'start'), ('nightly', 'heartbeat');
UPDATE ops.job_runs SET finished_at = NOW() WHERE job = 'nightly' AND finished_at IS NULL;
