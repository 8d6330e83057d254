-- datasource: dw
-- ERROR: DF401
SELECT * FROM dw.invoices WHERE region = '{{ regoin }}';
