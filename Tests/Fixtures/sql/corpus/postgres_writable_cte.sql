WITH moved AS (
    DELETE FROM queue.jobs
    WHERE finished_at < now() - interval '30 days'
    RETURNING *
)
INSERT INTO archive.jobs SELECT * FROM moved;
