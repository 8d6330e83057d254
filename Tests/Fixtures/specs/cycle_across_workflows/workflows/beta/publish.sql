-- datasource: dw
-- upstream: alpha/extract
SELECT 2;
