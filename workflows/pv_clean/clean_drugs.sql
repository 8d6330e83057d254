-- upstream: create_stg_drugs
-- description: Map drug names to active ingredients
INSERT OR REPLACE INTO stg_report_drugs (report_id, ingredient, role, dose_mg)
SELECT d.report_id,
       coalesce(dict.ingredient, lower(trim(d.drug_name))),
       d.role,
       d.dose_mg
FROM raw_report_drugs d
JOIN stg_reports r ON r.report_id = d.report_id
LEFT JOIN drug_dictionary dict ON dict.drug_name = lower(trim(d.drug_name))
WHERE r.batch_date = '${bizdate}';
