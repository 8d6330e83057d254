-- SQLite cannot drop a column: rebuild the table
PRAGMA foreign_keys=off;
CREATE TABLE "new_products" (
  "id" integer PRIMARY KEY,
  "name" text NOT NULL,
  "price_cents" integer NOT NULL DEFAULT 0
);
INSERT INTO "new_products" ("id", "name", "price_cents") SELECT "id", "name", "price_cents" FROM "products";
DROP TABLE "products";
ALTER TABLE "new_products" RENAME TO "products";
PRAGMA foreign_keys=on;
