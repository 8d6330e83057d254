DELETE s
FROM `sessions` AS s
JOIN `users` AS u ON u.id = s.user_id
WHERE u.deleted_at IS NOT NULL;

DELETE FROM audit_log WHERE created_at < NOW() - INTERVAL 90 DAY;
