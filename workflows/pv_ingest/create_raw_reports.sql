-- description: Landing table for case reports as received
CREATE TABLE IF NOT EXISTS raw_reports (
    report_id      TEXT PRIMARY KEY,
    received_date  TEXT NOT NULL,
    country        TEXT,
    reporter_type  TEXT,
    serious        INTEGER,
    patient_age    INTEGER,
    patient_sex    TEXT,
    batch_date     TEXT NOT NULL
);
