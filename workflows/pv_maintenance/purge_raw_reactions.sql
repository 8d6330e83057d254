-- upstream: create_retention_log
-- description: Drop landed reactions older than the retention window
DELETE FROM raw_report_reactions
WHERE report_id IN (SELECT report_id FROM raw_reports WHERE batch_date < date('now', '-{{ retention_days }} days'));
