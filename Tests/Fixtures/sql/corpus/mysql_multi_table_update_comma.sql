UPDATE inventory i, warehouse_stock w
SET w.qty = w.qty - i.reserved
WHERE i.sku = w.sku AND i.reserved > 0;
