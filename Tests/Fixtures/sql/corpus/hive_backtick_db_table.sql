insert into table `dw.fact_payment` partition (`dt`='${bizdate}')
select p.`id`, p.`order_id`, p.`total_amount`
from `ods`.`ods_payment_info` p
join `dim.dim_date` d on d.`date_id` = to_date(p.`callback_time`);
