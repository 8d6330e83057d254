insert overwrite table ${target_db}.dws_sales_${region}_1d partition (dt='${bizdate}')
select shop_id, sum(amount)
from ${source_db}.dwd_sales_detail
where dt = '${bizdate}' and region = '${region}'
group by shop_id;
