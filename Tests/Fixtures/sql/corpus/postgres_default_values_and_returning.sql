INSERT INTO app.sessions DEFAULT VALUES RETURNING id;
INSERT INTO app.audit (session_id, action)
SELECT s.id, 'login' FROM app.sessions s WHERE s.created_at > now() - interval '1 minute'
RETURNING id;
