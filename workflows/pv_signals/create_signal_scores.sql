CREATE TABLE IF NOT EXISTS signal_scores (
    ingredient     TEXT NOT NULL,
    reaction_term  TEXT NOT NULL,
    a              INTEGER NOT NULL,
    b              INTEGER NOT NULL,
    c              INTEGER NOT NULL,
    d              INTEGER NOT NULL,
    prr            REAL,
    PRIMARY KEY (ingredient, reaction_term)
);
