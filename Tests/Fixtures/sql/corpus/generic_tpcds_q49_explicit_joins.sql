select channel, item, return_ratio
from (
  select 'web' as channel, web.item, web.return_ratio,
         rank() over (order by web.return_ratio) as return_rank
  from (select ws.ws_item_sk as item,
               (cast(sum(coalesce(wr.wr_return_quantity,0)) as decimal(15,4)) /
                cast(sum(coalesce(ws.ws_quantity,0)) as decimal(15,4))) as return_ratio
        from web_sales ws
        left outer join web_returns wr
          on (ws.ws_order_number = wr.wr_order_number and ws.ws_item_sk = wr.wr_item_sk)
        inner join date_dim on ws.ws_sold_date_sk = date_dim.d_date_sk
        where wr.wr_return_amt > 10000 and ws.ws_net_profit > 1
          and d_year = 2001 and d_moy = 12
        group by ws.ws_item_sk) web
) w
where return_rank <= 10
order by 1, 3;
