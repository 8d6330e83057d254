CACHE TABLE active_users AS
SELECT user_id, max(event_time) AS last_seen
FROM events.page_views
WHERE event_date >= date_sub(current_date(), 30)
GROUP BY user_id;

INSERT OVERWRITE TABLE mart.user_activity
SELECT a.user_id, a.last_seen, p.plan
FROM active_users a
JOIN billing.subscriptions p ON p.user_id = a.user_id;

UNCACHE TABLE active_users;
