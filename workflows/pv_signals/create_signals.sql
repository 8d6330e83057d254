CREATE TABLE IF NOT EXISTS signals (
    ingredient     TEXT NOT NULL,
    reaction_term  TEXT NOT NULL,
    cases          INTEGER NOT NULL,
    prr            REAL NOT NULL,
    detected_on    TEXT NOT NULL,
    PRIMARY KEY (ingredient, reaction_term)
);
