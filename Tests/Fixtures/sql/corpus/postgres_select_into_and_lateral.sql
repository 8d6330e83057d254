SELECT u.id, latest.created_at
INTO TEMP TABLE recent_activity
FROM app.users u
CROSS JOIN LATERAL (
    SELECT created_at FROM app.events e WHERE e.user_id = u.id ORDER BY created_at DESC LIMIT 1
) latest;

INSERT INTO app.activity_digest SELECT * FROM recent_activity, generate_series(1, 3) g;
