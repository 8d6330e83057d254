BEGIN;
TRUNCATE TABLE staging.fx_rates;
INSERT INTO staging.fx_rates (ccy, rate, as_of)
SELECT ccy, rate, as_of FROM ext.ecb_rates WHERE as_of = current_date;
COMMIT;
