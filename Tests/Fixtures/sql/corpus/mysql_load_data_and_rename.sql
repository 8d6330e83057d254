CREATE TABLE stage.products_new LIKE catalog.products;
LOAD DATA LOCAL INFILE '/data/products.csv' INTO TABLE stage.products_new
  FIELDS TERMINATED BY ',' ENCLOSED BY '"' IGNORE 1 LINES;
RENAME TABLE catalog.products TO catalog.products_old, stage.products_new TO catalog.products;
DROP TABLE catalog.products_old;
