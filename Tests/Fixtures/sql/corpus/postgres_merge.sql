MERGE INTO warehouse.stock AS s
USING staging.stock_delta AS d
ON s.sku = d.sku AND s.site = d.site
WHEN MATCHED AND d.qty = 0 THEN DELETE
WHEN MATCHED THEN UPDATE SET qty = d.qty, updated_at = now()
WHEN NOT MATCHED THEN INSERT (sku, site, qty) VALUES (d.sku, d.site, d.qty);
