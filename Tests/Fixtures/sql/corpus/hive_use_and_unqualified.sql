USE dwd;
INSERT OVERWRITE TABLE dwd_coupon_used PARTITION (dt)
SELECT data.id, data.coupon_id, data.user_id, date_format(data.used_time, 'yyyy-MM-dd')
FROM ods_coupon_use_inc
WHERE dt = '${bizdate}' AND type = 'update' AND array_contains(map_keys(old), 'used_time');
