add jar hdfs:///libs/udf-common-1.4.jar;
create temporary function parse_ua as 'com.example.hive.udf.ParseUserAgent';
set hivevar:day2before=${env:DAY2BEFORE};
set tez.queue.name=etl;

insert into table dmp.daily_dataset_full_temp
select dmp_id, seg_id, parse_ua(ua) as browser
from dmp.user_segment_map_today
lateral view explode(seg_ids) segs as seg_id
where part_hour >= '${hivevar:day2before}00';

alter table dmp.transfer_dataset_full drop if exists partition (part_hour <= '${hivevar:day2before}24');
