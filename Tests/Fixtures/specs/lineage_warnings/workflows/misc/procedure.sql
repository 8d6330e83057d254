-- datasource: dw
create procedure refresh() begin insert into dw.x select 1; end; -- WARNING: DF504
