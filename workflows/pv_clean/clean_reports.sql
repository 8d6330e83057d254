-- upstream: create_stg_reports, pv_ingest/load_reports
-- description: Trim and standardise report attributes; implausible ages become NULL
INSERT OR REPLACE INTO stg_reports
    (report_id, received_date, country, reporter_type, serious, patient_age, patient_sex, batch_date)
SELECT report_id,
       date(received_date),
       upper(trim(country)),
       lower(trim(reporter_type)),
       coalesce(serious, 0),
       CASE WHEN patient_age BETWEEN 0 AND 120 THEN patient_age END,
       CASE upper(substr(trim(patient_sex), 1, 1)) WHEN 'F' THEN 'F' WHEN 'M' THEN 'M' END,
       batch_date
FROM raw_reports
WHERE batch_date = '${bizdate}';
