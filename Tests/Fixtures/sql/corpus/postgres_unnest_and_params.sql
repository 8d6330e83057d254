INSERT INTO tags.item_tags (item_id, tag)
SELECT i.id, t.tag
FROM catalog.items i, unnest(string_to_array(i.tag_list, ',')) AS t(tag)
WHERE i.updated_at > $1::timestamptz;
