-- datasource: dw
insert into dw.t2 select * from dw.t1;
