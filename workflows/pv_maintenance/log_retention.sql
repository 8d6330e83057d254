-- upstream: purge_raw_reports
INSERT OR REPLACE INTO retention_log (run_at, kept_days, remaining)
SELECT datetime('now'), {{ retention_days }}, (SELECT count(*) FROM raw_reports);
