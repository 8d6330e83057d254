INSERT OR REPLACE INTO settings (key, value) VALUES ('schema_version', '12');
INSERT OR IGNORE INTO tags (name) SELECT DISTINCT tag FROM [post_tags] WHERE tag <> '';
UPDATE OR IGNORE posts SET slug = lower(replace(title, ' ', '-')) WHERE slug IS NULL;
