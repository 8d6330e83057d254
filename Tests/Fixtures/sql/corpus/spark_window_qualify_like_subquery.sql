CREATE OR REPLACE TABLE gold.latest_prices AS
SELECT * FROM (
  SELECT p.*, row_number() OVER (PARTITION BY sku ORDER BY valid_from DESC) AS rn
  FROM silver.prices p
  WHERE p.currency IN (SELECT code FROM ref.currencies WHERE active)
) ranked
WHERE rn = 1;
