-- datasource: dw
insert overwrite table ods.customers select * from src.raw_customers;
