use dws;
-- DWS: per-user daily trade summary
with od as (
    select user_id, sku_id, sku_num, split_total_amount
    from dwd.dwd_trade_order_detail_di
    where dt = '$[yyyyMMdd-1]'
),
sku as (
    select id, category1_id from dim.dim_sku_full where dt = '$[yyyyMMdd-1]'
)
insert overwrite table dws_trade_user_order_1d partition (dt = '$[yyyyMMdd-1]')
select od.user_id,
       count(distinct sku.category1_id) as category_count,
       sum(od.sku_num)                   as order_num,
       sum(od.split_total_amount)        as order_amount
from od
join sku on od.sku_id = sku.id
group by od.user_id;
