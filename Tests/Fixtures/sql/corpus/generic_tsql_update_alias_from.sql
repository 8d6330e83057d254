UPDATE t
SET t.status = 'shipped'
FROM sales.orders t
INNER JOIN logistics.shipments sh ON sh.order_id = t.id
WHERE sh.shipped_at IS NOT NULL;
