# nightly cleanup; this comment mentions FROM fake_table
/* block comment: insert into nowhere; */
INSERT INTO app.notes (body) VALUES ('it''s done; select * from not_a_table'), ("double \" quoted from x");
SELECT id FROM app.users WHERE name LIKE '%from%' -- trailing from comment_table
;
