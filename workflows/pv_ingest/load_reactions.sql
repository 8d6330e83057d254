-- upstream: create_raw_reactions, load_reports
-- description: Load reactions of the day's reports
INSERT OR REPLACE INTO raw_report_reactions (report_id, reaction_term, outcome)
VALUES
    ('ICSR-0001', 'Gastrointestinal haemorrhage', 'recovering'),
    ('ICSR-0002', 'Myalgia',                      'recovered'),
    ('ICSR-0003', 'Gastrointestinal haemorrhage', 'not recovered'),
    ('ICSR-0004', 'gastrointestinal haemorrhage ', 'fatal'),
    ('ICSR-0004', 'Lactic acidosis',              'recovered'),
    ('ICSR-0005', 'Myalgia',                      'recovering'),
    ('ICSR-0006', 'Lactic acidosis',              'recovered'),
    ('ICSR-0007', 'Epistaxis',                    'recovered'),
    ('ICSR-0008', 'Rhabdomyolysis',               'recovering'),
    ('ICSR-0009', 'Gastrointestinal haemorrhage', 'recovering'),
    ('ICSR-0010', 'Diarrhoea',                    'recovered'),
    ('ICSR-0011', 'Epistaxis',                    'recovered'),
    ('ICSR-0012', 'Myalgia',                      'unknown');
