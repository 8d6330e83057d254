-- upstream: create_signal_scores, count_drug_events
-- description: Proportional reporting ratio per drug-event pair (2x2 contingency table)
INSERT OR REPLACE INTO signal_scores (ingredient, reaction_term, a, b, c, d, prr)
WITH totals AS (
    SELECT sum(cases) AS n FROM drug_event_counts
), by_drug AS (
    SELECT ingredient, sum(cases) AS n FROM drug_event_counts GROUP BY ingredient
), by_event AS (
    SELECT reaction_term, sum(cases) AS n FROM drug_event_counts GROUP BY reaction_term
), cells AS (
    SELECT e.ingredient, e.reaction_term,
           e.cases AS a,
           bd.n - e.cases AS b,
           be.n - e.cases AS c,
           t.n - bd.n - be.n + e.cases AS d
    FROM drug_event_counts e
    JOIN by_drug bd ON bd.ingredient = e.ingredient
    JOIN by_event be ON be.reaction_term = e.reaction_term
    CROSS JOIN totals t
)
SELECT ingredient, reaction_term, a, b, c, d,
       CASE WHEN c = 0 OR (a + b) = 0 THEN NULL
            ELSE (a * 1.0 / (a + b)) / (c * 1.0 / (c + d)) END
FROM cells;
