-- datasource: dw
-- ERROR: DF301
-- upstream: second
SELECT 1;
