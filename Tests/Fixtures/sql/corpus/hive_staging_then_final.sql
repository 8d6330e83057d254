-- build a temp table, then publish it
drop table if exists tmp.user_first_order;
create table tmp.user_first_order stored as orc as
select user_id, min(dt) as first_dt
from dwd.dwd_trade_order_detail_di
group by user_id;

insert overwrite table dim.dim_user_zip partition (dt='9999-12-31')
select u.id, u.name, f.first_dt
from ods.ods_user_info_di u
left join tmp.user_first_order f on u.id = f.user_id;

drop table tmp.user_first_order;
