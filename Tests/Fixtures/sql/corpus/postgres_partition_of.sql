CREATE TABLE IF NOT EXISTS metrics.samples (
    ts timestamptz NOT NULL,
    host text NOT NULL,
    value double precision
) PARTITION BY RANGE (ts);

CREATE TABLE IF NOT EXISTS metrics.samples_2024_06 PARTITION OF metrics.samples
    FOR VALUES FROM ('2024-06-01') TO ('2024-07-01');

INSERT INTO metrics.samples (ts, host, value)
SELECT to_timestamp(epoch), host, value FROM import.raw_samples;
