REPLACE INTO report.daily_totals (day, total)
SELECT DATE(created_at), SUM(amount) FROM sales.payments GROUP BY DATE(created_at);

INSERT INTO report.counters (name, value) VALUES ('runs', 1)
ON DUPLICATE KEY UPDATE value = value + 1;
