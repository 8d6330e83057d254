-- datasource: dw
CREATE TABLE IF NOT EXISTS orders (id INTEGER PRIMARY KEY, amount REAL);
