-- datasource: dw
-- ERROR: DF301
-- upstream: beta/publish
SELECT 1;
