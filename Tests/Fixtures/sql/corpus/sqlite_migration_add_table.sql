-- migration 0007: split addresses out of users
PRAGMA foreign_keys = ON;
BEGIN TRANSACTION;
CREATE TABLE IF NOT EXISTS addresses (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    street TEXT,
    city TEXT
);
INSERT INTO addresses (user_id, street, city)
SELECT id, street, city FROM users WHERE street IS NOT NULL;
CREATE INDEX idx_addresses_user ON addresses(user_id);
COMMIT;
