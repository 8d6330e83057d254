-- description: Brand and spelling variants mapped to the active ingredient
CREATE TABLE IF NOT EXISTS drug_dictionary (
    drug_name   TEXT PRIMARY KEY,
    ingredient  TEXT NOT NULL
);
