-- lookup built inline; range() is a table function, not a table
INSERT INTO ref.weekday_names
SELECT * FROM VALUES (1, 'Mon'), (2, 'Tue'), (3, 'Wed') AS t(id, name);

INSERT INTO ref.numbers SELECT id FROM range(0, 1000);
