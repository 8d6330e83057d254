-- description: Landing table for reported reactions (MedDRA preferred terms)
CREATE TABLE IF NOT EXISTS raw_report_reactions (
    report_id      TEXT NOT NULL,
    reaction_term  TEXT NOT NULL,
    outcome        TEXT,
    PRIMARY KEY (report_id, reaction_term)
);
