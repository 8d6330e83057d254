with paid as (
    select order_id, sum(amount) paid_amount
    from dwd.dwd_trade_pay_detail_suc_di
    where dt = '${bizdate}'
    group by order_id
)
from paid
insert overwrite table dws.dws_trade_paid_1d partition (dt = '${bizdate}')
select order_id, paid_amount
insert overwrite table dws.dws_trade_paid_big_1d partition (dt = '${bizdate}')
select order_id, paid_amount where paid_amount > 10000;
