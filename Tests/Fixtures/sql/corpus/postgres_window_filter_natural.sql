CREATE TABLE report.cohorts AS
SELECT c.cohort_month,
       count(*) FILTER (WHERE o.status = 'paid') AS paid_orders,
       sum(o.total) OVER (PARTITION BY c.cohort_month ORDER BY o.created_at) AS running_total
FROM app.customers c
NATURAL JOIN app.orders o
WHERE o.created_at >= date_trunc('month', now()) - interval '12 months';
