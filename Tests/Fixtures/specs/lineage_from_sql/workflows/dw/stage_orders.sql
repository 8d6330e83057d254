-- datasource: dw
-- description: Reads ods (another workflow) through a staging table of its own
use dw;
drop table if exists tmp_orders;
create table tmp_orders as
select o.*, c.region from ods.orders o join ods.customers c on c.id = o.customer_id;
insert overwrite table fact_orders select * from tmp_orders;
