INSERT INTO warehouse.daily_revenue (day, revenue)
WITH paid AS (SELECT order_id, amount, paid_at FROM payments.captures WHERE status = 'ok')
SELECT CAST(paid_at AS DATE), SUM(amount) FROM paid GROUP BY CAST(paid_at AS DATE);
