-- datasource: dw
SELECT count(*) FROM dw.orders;
