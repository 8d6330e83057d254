-- datasource: dw
insert into dw.sales select * from src.web_orders;
