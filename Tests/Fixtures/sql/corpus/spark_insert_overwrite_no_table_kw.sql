INSERT OVERWRITE dw.dim_store
SELECT s.store_id, s.name, r.region_name
FROM staging.stores s
LEFT ANTI JOIN staging.closed_stores c ON c.store_id = s.store_id
LEFT JOIN staging.regions r ON r.region_id = s.region_id;
