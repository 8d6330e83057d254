-- upstream: create_drug_event_counts, wait_clean
-- description: Cases per suspect ingredient and reaction, over all batches
INSERT OR REPLACE INTO drug_event_counts (ingredient, reaction_term, cases)
SELECT d.ingredient, x.reaction_term, count(DISTINCT d.report_id)
FROM stg_report_drugs d
JOIN stg_report_reactions x ON x.report_id = d.report_id
WHERE d.role = 'suspect'
GROUP BY d.ingredient, x.reaction_term;
