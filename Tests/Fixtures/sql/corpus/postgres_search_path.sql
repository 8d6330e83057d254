SET search_path TO mart, public;

CREATE MATERIALIZED VIEW IF NOT EXISTS revenue_by_region AS
SELECT r.name AS region, sum(o.total) AS revenue
FROM orders o
JOIN core.regions r ON r.id = o.region_id
GROUP BY r.name;

REFRESH MATERIALIZED VIEW revenue_by_region;
