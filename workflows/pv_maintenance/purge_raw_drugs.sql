-- upstream: create_retention_log
DELETE FROM raw_report_drugs
WHERE report_id IN (SELECT report_id FROM raw_reports WHERE batch_date < date('now', '-{{ retention_days }} days'));
