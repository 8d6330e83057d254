CREATE OR REPLACE TEMPORARY VIEW orders_today AS
SELECT * FROM lake.bronze.orders WHERE ingest_date = '${bizdate}';

CREATE OR REPLACE TEMP VIEW enriched AS
SELECT o.*, c.segment
FROM orders_today o
LEFT JOIN lake.silver.customers c ON o.customer_id = c.id;

INSERT INTO lake.gold.daily_orders
SELECT segment, count(*) AS orders, sum(amount) AS revenue
FROM enriched
GROUP BY segment;
