-- upstream: create_ingest_log
-- description: Record how much was ingested for the batch
INSERT OR REPLACE INTO ingest_log (batch_date, reports, drugs, reactions)
SELECT '${bizdate}',
       (SELECT count(*) FROM raw_reports WHERE batch_date = '${bizdate}'),
       (SELECT count(*) FROM raw_report_drugs d JOIN raw_reports r USING (report_id) WHERE r.batch_date = '${bizdate}'),
       (SELECT count(*) FROM raw_report_reactions x JOIN raw_reports r USING (report_id) WHERE r.batch_date = '${bizdate}');
