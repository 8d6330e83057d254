insert overwrite table dwd.dwd_user_login_inc partition (dt)
select user_id, login_ts, ip, date_format(login_ts, 'yyyy-MM-dd') dt
from ods.ods_user_login_inc
where dt >= date_sub('${bizdate}', 7)
distribute by dt sort by user_id, login_ts;
