set hive.exec.dynamic.partition.mode=nonstrict;
insert overwrite table dwd.dwd_user_register_inc partition (dt)
select ui.user_id, ui.create_time, log.channel, date_format(ui.create_time, 'yyyy-MM-dd')
from (
    select data.id user_id, data.create_time
    from ods.ods_user_info_inc
    where dt = '${bizdate}' and type = 'bootstrap-insert'
) ui
left join (
    select common.uid user_id, common.ch channel
    from ods.ods_log_inc
    where dt = '${bizdate}' and page.page_id = 'register' and common.uid is not null
) log on ui.user_id = log.user_id;
