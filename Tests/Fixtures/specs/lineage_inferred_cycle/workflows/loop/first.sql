-- datasource: dw
insert into dw.t1 select * from dw.t2; -- ERROR: DF502
