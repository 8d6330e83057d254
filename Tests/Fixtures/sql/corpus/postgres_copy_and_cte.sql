COPY staging.raw_trips (vendor_id, pickup_at, dropoff_at, fare) FROM '/data/trips.csv' WITH (FORMAT csv, HEADER true);

WITH cleaned AS (
    SELECT vendor_id, pickup_at, dropoff_at, fare
    FROM staging.raw_trips
    WHERE fare > 0 AND dropoff_at > pickup_at
), by_day AS (
    SELECT date_trunc('day', pickup_at) AS day, count(*) AS trips, sum(fare) AS revenue
    FROM cleaned
    GROUP BY 1
)
INSERT INTO reporting.daily_trips (day, trips, revenue)
SELECT day, trips, revenue FROM by_day
ON CONFLICT (day) DO UPDATE SET trips = EXCLUDED.trips, revenue = EXCLUDED.revenue;

COPY (SELECT * FROM reporting.daily_trips WHERE day > now() - interval '7 days') TO STDOUT WITH CSV;
