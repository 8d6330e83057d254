-- upstream: purge_raw_reactions, purge_raw_drugs
DELETE FROM raw_reports WHERE batch_date < date('now', '-{{ retention_days }} days');
