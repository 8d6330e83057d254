CREATE TABLE IF NOT EXISTS ingest_log (
    batch_date  TEXT PRIMARY KEY,
    reports     INTEGER NOT NULL,
    drugs       INTEGER NOT NULL,
    reactions   INTEGER NOT NULL
);
