-- ODS layer: load the raw order dump for the business date
set hive.exec.dynamic.partition=true;
set hive.exec.dynamic.partition.mode=nonstrict;
set mapreduce.job.queuename=etl;

load data inpath '/warehouse/landing/orders/${bizdate}' overwrite into table ods.ods_order_di partition (dt='${bizdate}');

msck repair table ods.ods_order_di;
analyze table ods.ods_order_di partition (dt='${bizdate}') compute statistics;
