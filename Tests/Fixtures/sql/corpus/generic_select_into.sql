SELECT customer_id, SUM(total) AS lifetime_value
INTO analytics.customer_ltv
FROM sales.orders
GROUP BY customer_id;
