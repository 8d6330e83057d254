CREATE EXTERNAL TABLE IF NOT EXISTS ods.ods_cart_full (
  `id` STRING COMMENT 'cart id',
  `user_id` STRING,
  `sku_id` STRING
) COMMENT 'cart snapshot'
PARTITIONED BY (`dt` STRING)
ROW FORMAT DELIMITED FIELDS TERMINATED BY '\t'
LOCATION '/warehouse/ods/ods_cart_full/';

CREATE TABLE IF NOT EXISTS tmp.ods_cart_full_bak LIKE ods.ods_cart_full;
INSERT OVERWRITE TABLE tmp.ods_cart_full_bak PARTITION (dt='${bizdate}')
SELECT id, user_id, sku_id FROM ods.ods_cart_full WHERE dt='${bizdate}';
