-- DWD: cleaned order detail, one row per order line
insert overwrite table dwd.dwd_trade_order_detail_di partition (dt = '${bizdate}')
select
    od.id                                   as order_detail_id,
    od.order_id,
    oi.user_id,
    od.sku_id,
    oi.province_id,
    date_format(od.create_time, 'yyyy-MM-dd') as create_date,
    od.sku_num,
    od.split_total_amount,
    nvl(act.activity_id, '')                as activity_id,
    nvl(cou.coupon_id, '')                  as coupon_id
from (
    select id, order_id, sku_id, create_time, sku_num, split_total_amount
    from ods.ods_order_detail_di
    where dt = '${bizdate}'
) od
left join (
    select id, user_id, province_id
    from ods.ods_order_info_di
    where dt = '${bizdate}'
) oi on od.order_id = oi.id
left join (
    select order_detail_id, activity_id
    from ods.ods_order_detail_activity_di
    where dt = '${bizdate}'
) act on od.id = act.order_detail_id
left join (
    select order_detail_id, coupon_id
    from ods.ods_order_detail_coupon_di
    where dt = '${bizdate}'
) cou on od.id = cou.order_detail_id;
