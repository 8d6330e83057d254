-- Hive multi-insert: one scan of the source, several targets
FROM ods.ods_log_inc log
INSERT OVERWRITE TABLE dwd.dwd_page_log PARTITION (dt='${bizdate}')
  SELECT log.common.mid, log.page.page_id, log.ts
  WHERE log.page IS NOT NULL
INSERT OVERWRITE TABLE dwd.dwd_start_log PARTITION (dt='${bizdate}')
  SELECT log.common.mid, log.start.entry, log.ts
  WHERE log.start IS NOT NULL
INSERT INTO TABLE dwd.dwd_error_log PARTITION (dt='${bizdate}')
  SELECT log.common.mid, log.err.error_code, log.err.msg
  WHERE log.err IS NOT NULL;
