CREATE TABLE IF NOT EXISTS signal_report (
    report_date    TEXT NOT NULL,
    ingredient     TEXT NOT NULL,
    reaction_term  TEXT NOT NULL,
    cases          INTEGER NOT NULL,
    serious_cases  INTEGER NOT NULL,
    prr            REAL NOT NULL,
    PRIMARY KEY (report_date, ingredient, reaction_term)
);
