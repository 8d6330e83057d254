-- datasource: dw
-- description: Orders land in ods; the table is named after USE, so it is ods.orders
use ods;
insert overwrite table orders partition (dt = '${bizdate}')
select * from src.raw_orders where dt = '${bizdate}';
