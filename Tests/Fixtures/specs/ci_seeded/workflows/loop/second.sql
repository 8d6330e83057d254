-- datasource: dw
-- upstream: first
SELECT 2;
