-- datasource: dw
insert into dw.sales_report
select count(*) from dw.sales; -- ERROR: DF501
