-- upstream: load_orders
-- datasource: dw
DELETE FROM orders WHERE amount < 0;
