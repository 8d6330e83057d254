-- name: load_reports
-- upstream: create_raw_reports, check_source
-- description: Load the day's case reports
-- retries: 2
INSERT OR REPLACE INTO raw_reports
    (report_id, received_date, country, reporter_type, serious, patient_age, patient_sex, batch_date)
VALUES
    ('ICSR-0001', '${bizdate}', ' de', 'Physician',  1, 54,  'female', '${bizdate}'),
    ('ICSR-0002', '${bizdate}', 'FR ', 'Pharmacist', 0, 37,  'male',   '${bizdate}'),
    ('ICSR-0003', '${bizdate}', 'us',  'Consumer',   1, 71,  'F',      '${bizdate}'),
    ('ICSR-0004', '${bizdate}', 'US',  'Physician',  1, 66,  'M',      '${bizdate}'),
    ('ICSR-0005', '${bizdate}', 'jp',  'Physician',  0, 45,  'female', '${bizdate}'),
    ('ICSR-0006', '${bizdate}', 'DE',  'Consumer',   1, 203, 'male',   '${bizdate}'),
    ('ICSR-0007', '${bizdate}', 'CN',  'Physician',  1, 58,  'M',      '${bizdate}'),
    ('ICSR-0008', '${bizdate}', 'cn',  'Nurse',      0, 29,  'F',      '${bizdate}'),
    ('ICSR-0009', '${bizdate}', 'BR',  'Physician',  1, 80,  'female', '${bizdate}'),
    ('ICSR-0010', '${bizdate}', 'GB',  'Pharmacist', 0, 33,  'male',   '${bizdate}'),
    ('ICSR-0011', '${bizdate}', 'US',  'Physician',  1, 62,  'M',      '${bizdate}'),
    ('ICSR-0012', '${bizdate}', 'DE',  'Physician',  1, 49,  'F',      '${bizdate}');
