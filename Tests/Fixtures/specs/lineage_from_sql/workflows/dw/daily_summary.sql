-- datasource: dw
insert overwrite table dw.daily_summary
select region, count(*) from dw.fact_orders group by region;
