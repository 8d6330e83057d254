-- ERROR: DF404
-- datasource: warehouse
SELECT 1;
