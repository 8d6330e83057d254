-- datasource: dw
insert into dw.running_total
select * from dw.running_total; -- WARNING: DF503
