CREATE TABLE IF NOT EXISTS stg_reports (
    report_id      TEXT PRIMARY KEY,
    received_date  TEXT NOT NULL,
    country        TEXT NOT NULL,
    reporter_type  TEXT NOT NULL,
    serious        INTEGER NOT NULL,
    patient_age    INTEGER,
    patient_sex    TEXT,
    batch_date     TEXT NOT NULL
);
