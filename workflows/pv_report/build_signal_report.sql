-- upstream: create_signal_report, wait_signals
-- description: Signals with their serious-case counts
INSERT OR REPLACE INTO signal_report (report_date, ingredient, reaction_term, cases, serious_cases, prr)
SELECT '${bizdate}', s.ingredient, s.reaction_term, s.cases,
       (SELECT count(DISTINCT d.report_id)
          FROM stg_report_drugs d
          JOIN stg_report_reactions x ON x.report_id = d.report_id
          JOIN stg_reports r ON r.report_id = d.report_id
         WHERE d.ingredient = s.ingredient AND x.reaction_term = s.reaction_term AND r.serious = 1),
       s.prr
FROM signals s;
