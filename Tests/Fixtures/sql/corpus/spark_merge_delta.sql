MERGE INTO silver.customers AS t
USING (
  SELECT id, name, email, updated_at
  FROM bronze.customer_updates
  WHERE batch_id = '${batch_id}'
) AS s
ON t.id = s.id
WHEN MATCHED AND s.updated_at > t.updated_at THEN UPDATE SET *
WHEN NOT MATCHED THEN INSERT *;
