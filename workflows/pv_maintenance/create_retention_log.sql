CREATE TABLE IF NOT EXISTS retention_log (
    run_at     TEXT PRIMARY KEY,
    kept_days  INTEGER NOT NULL,
    remaining  INTEGER NOT NULL
);
