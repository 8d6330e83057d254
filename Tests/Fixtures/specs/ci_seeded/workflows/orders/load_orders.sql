-- datasource: dw
-- ERROR: DF201
-- upstream: extrct_orders
INSERT INTO dw.orders SELECT * FROM raw.orders;
