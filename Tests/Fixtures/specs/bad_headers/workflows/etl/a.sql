-- datasource: dw
-- ERROR: DF102
-- upstrem: b
-- ERROR: DF103
-- retries: many
SELECT 1;
