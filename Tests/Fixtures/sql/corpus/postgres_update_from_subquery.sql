UPDATE crm.accounts AS a
SET score = s.score
FROM (
    SELECT account_id, avg(rating) AS score
    FROM crm.reviews
    GROUP BY account_id
) AS s
WHERE s.account_id = a.id;

ANALYZE crm.accounts;
VACUUM (ANALYZE) crm.reviews;
