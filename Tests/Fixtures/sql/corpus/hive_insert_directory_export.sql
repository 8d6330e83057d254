-- export for the BI team; no table written
insert overwrite local directory '/tmp/export/${bizdate}'
row format delimited fields terminated by ','
select * from ads.ads_user_retention where dt = '${bizdate}';
