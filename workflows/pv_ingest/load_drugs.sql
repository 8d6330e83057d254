-- upstream: create_raw_drugs, load_reports
-- description: Load drugs named in the day's reports
INSERT OR REPLACE INTO raw_report_drugs (report_id, drug_name, role, dose_mg)
VALUES
    ('ICSR-0001', 'Xarelto',     'suspect',     20),
    ('ICSR-0001', 'aspirin',     'concomitant', 100),
    ('ICSR-0002', 'Lipitor',     'suspect',     40),
    ('ICSR-0003', 'rivaroxaban', 'suspect',     15),
    ('ICSR-0004', 'XARELTO ',    'suspect',     20),
    ('ICSR-0004', 'Metformin',   'concomitant', 1000),
    ('ICSR-0005', 'atorvastatin','suspect',     20),
    ('ICSR-0006', 'Glucophage',  'suspect',     850),
    ('ICSR-0007', 'Xarelto',     'suspect',     20),
    ('ICSR-0008', 'Lipitor',     'suspect',     10),
    ('ICSR-0009', 'rivaroxaban', 'suspect',     20),
    ('ICSR-0010', 'metformin',   'suspect',     500),
    ('ICSR-0011', 'Xarelto',     'suspect',     20),
    ('ICSR-0012', 'Lipitor',     'suspect',     80);
