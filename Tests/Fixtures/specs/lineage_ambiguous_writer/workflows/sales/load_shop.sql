-- datasource: dw
insert into dw.sales select * from src.shop_orders;
