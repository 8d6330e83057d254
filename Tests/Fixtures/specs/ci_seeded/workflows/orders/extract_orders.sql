-- datasource: dw
SELECT * FROM raw.orders;
