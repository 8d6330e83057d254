CREATE TABLE IF NOT EXISTS drug_event_counts (
    ingredient     TEXT NOT NULL,
    reaction_term  TEXT NOT NULL,
    cases          INTEGER NOT NULL,
    PRIMARY KEY (ingredient, reaction_term)
);
