-- upstream: create_stg_reactions
-- description: Normalise reaction terms to MedDRA preferred-term spelling
INSERT OR REPLACE INTO stg_report_reactions (report_id, reaction_term, outcome)
SELECT x.report_id,
       upper(substr(trim(x.reaction_term), 1, 1)) || lower(substr(trim(x.reaction_term), 2)),
       coalesce(x.outcome, 'unknown')
FROM raw_report_reactions x
JOIN stg_reports r ON r.report_id = x.report_id
WHERE r.batch_date = '${bizdate}';
