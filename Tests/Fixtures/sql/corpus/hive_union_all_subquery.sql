insert overwrite table dws.dws_interaction_sku_1d partition(dt='${bizdate}')
select sku_id, sum(favor_count), sum(cart_count)
from (
    select sku_id, count(*) favor_count, 0 cart_count
    from dwd.dwd_interaction_favor_add_inc
    where dt='${bizdate}'
    group by sku_id
    union all
    select sku_id, 0 favor_count, count(*) cart_count
    from dwd.dwd_trade_cart_add_inc
    where dt='${bizdate}'
    group by sku_id
) t
group by sku_id;
