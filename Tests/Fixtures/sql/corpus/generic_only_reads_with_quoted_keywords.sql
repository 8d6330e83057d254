SELECT "select", "from"
FROM "reporting"."order"
WHERE 'join x' <> "where";
