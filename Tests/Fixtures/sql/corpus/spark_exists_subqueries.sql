INSERT INTO mart.churn_candidates
SELECT u.id
FROM crm.users u
WHERE NOT EXISTS (SELECT 1 FROM events.logins l WHERE l.user_id = u.id AND l.ts > current_date() - 30)
  AND u.id IN (SELECT user_id FROM billing.invoices WHERE status = 'overdue')
  AND u.created_at < (SELECT min(launch_date) FROM ref.launches);
