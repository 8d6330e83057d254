-- ADS: daily GMV report, appended to the history table
insert overwrite table ads.ads_trade_stats
select * from ads.ads_trade_stats
union
select
    '${bizdate}' as dt,
    sum(order_amount) as gmv,
    count(distinct user_id) as buyer_count
from dws.dws_trade_user_order_1d
where dt = '${bizdate}';
