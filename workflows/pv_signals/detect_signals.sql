-- upstream: create_signals
-- description: Flag pairs above the environment's PRR threshold with enough cases
INSERT OR REPLACE INTO signals (ingredient, reaction_term, cases, prr, detected_on)
SELECT ingredient, reaction_term, a, prr, '${bizdate}'
FROM signal_scores
WHERE prr >= {{ prr_threshold }}
  AND a >= {{ min_cases }};
