-- datasource: dw
-- ERROR: DF203
-- upstream: b
SELECT 2;
