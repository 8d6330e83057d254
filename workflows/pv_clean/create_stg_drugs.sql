CREATE TABLE IF NOT EXISTS stg_report_drugs (
    report_id   TEXT NOT NULL,
    ingredient  TEXT NOT NULL,
    role        TEXT NOT NULL,
    dose_mg     REAL,
    PRIMARY KEY (report_id, ingredient)
);
