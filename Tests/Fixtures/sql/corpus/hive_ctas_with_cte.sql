create table if not exists tmp.tmp_sku_rank stored as parquet as
with sales as (
    select sku_id, sum(sku_num) qty from dwd.dwd_trade_order_detail_di where dt = '${bizdate}' group by sku_id
)
select s.sku_id, s.qty, row_number() over (partition by k.category3_id order by s.qty desc) rk
from sales s join dim.dim_sku_full k on k.id = s.sku_id and k.dt = '${bizdate}';
