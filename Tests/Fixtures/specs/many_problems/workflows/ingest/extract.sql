SELECT * FROM source_table;
