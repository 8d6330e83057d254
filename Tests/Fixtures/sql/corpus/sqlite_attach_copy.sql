ATTACH DATABASE 'archive.db' AS archive;
INSERT INTO archive.events SELECT * FROM main.events WHERE ts < strftime('%s', 'now', '-1 year');
DELETE FROM main.events WHERE ts < strftime('%s', 'now', '-1 year');
DETACH DATABASE archive;
