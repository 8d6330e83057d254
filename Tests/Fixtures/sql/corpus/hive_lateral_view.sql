insert overwrite table dwd.dwd_action_log partition(dt='${bizdate}')
select
    get_json_object(line, '$.common.mid') as mid,
    action.action_id,
    action.item
from ods.ods_log_inc
lateral view explode(from_json(get_json_object(line, '$.actions'), 'array<struct<action_id:string,item:string>>')) tmp as action
where dt = '${bizdate}'
  and get_json_object(line, '$.actions') is not null;
