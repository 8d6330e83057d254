-- upstream: create_country_summary, wait_signals
INSERT OR REPLACE INTO country_summary (report_date, country, reports, serious)
SELECT '${bizdate}', country, count(*), sum(serious)
FROM stg_reports
GROUP BY country;
