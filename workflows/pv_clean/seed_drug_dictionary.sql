-- upstream: create_drug_dictionary
INSERT OR REPLACE INTO drug_dictionary (drug_name, ingredient)
VALUES
    ('xarelto',      'rivaroxaban'),
    ('rivaroxaban',  'rivaroxaban'),
    ('lipitor',      'atorvastatin'),
    ('atorvastatin', 'atorvastatin'),
    ('glucophage',   'metformin'),
    ('metformin',    'metformin'),
    ('aspirin',      'acetylsalicylic acid');
