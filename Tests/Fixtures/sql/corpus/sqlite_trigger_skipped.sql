CREATE TABLE IF NOT EXISTS notes_history (note_id INTEGER, body TEXT, changed_at TEXT);
CREATE TRIGGER IF NOT EXISTS notes_audit AFTER UPDATE ON notes
BEGIN
  INSERT INTO notes_history (note_id, body, changed_at) VALUES (old.id, old.body, datetime('now'));
END;
CREATE VIEW IF NOT EXISTS recent_notes AS SELECT * FROM notes WHERE updated_at > date('now', '-7 days');
