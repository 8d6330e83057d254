CREATE TABLE IF NOT EXISTS stg_report_reactions (
    report_id      TEXT NOT NULL,
    reaction_term  TEXT NOT NULL,
    outcome        TEXT NOT NULL,
    PRIMARY KEY (report_id, reaction_term)
);
