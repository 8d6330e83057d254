CREATE TABLE IF NOT EXISTS gold.product_margin
USING DELTA
PARTITIONED BY (sale_month)
AS
SELECT p.product_id,
       date_trunc('MONTH', s.sold_at) AS sale_month,
       sum(s.price - p.cost) AS margin
FROM silver.sales s
INNER JOIN silver.products p ON p.product_id = s.product_id
GROUP BY 1, 2;

OPTIMIZE gold.product_margin ZORDER BY (product_id);
