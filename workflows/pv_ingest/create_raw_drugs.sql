-- description: Landing table for suspect and concomitant drugs per report
CREATE TABLE IF NOT EXISTS raw_report_drugs (
    report_id  TEXT NOT NULL,
    drug_name  TEXT NOT NULL,
    role       TEXT NOT NULL,
    dose_mg    REAL,
    PRIMARY KEY (report_id, drug_name)
);
