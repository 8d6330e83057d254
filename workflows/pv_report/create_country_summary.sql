CREATE TABLE IF NOT EXISTS country_summary (
    report_date    TEXT NOT NULL,
    country        TEXT NOT NULL,
    reports        INTEGER NOT NULL,
    serious        INTEGER NOT NULL,
    PRIMARY KEY (report_date, country)
);
