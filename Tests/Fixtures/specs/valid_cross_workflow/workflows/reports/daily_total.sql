-- upstream: orders/clean_orders
-- datasource: dw
SELECT sum(amount) FROM orders WHERE amount > {{ minimum }};
