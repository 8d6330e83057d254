select i_item_desc, w_warehouse_name, d1.d_week_seq,
       sum(case when p_promo_sk is null then 1 else 0 end) no_promo,
       extract(year from d1.d_date) as y,
       substring(i_item_desc from 1 for 20) as short_desc
from catalog_sales
join inventory on (cs_item_sk = inv_item_sk)
join warehouse on (w_warehouse_sk = inv_warehouse_sk)
join item on (i_item_sk = cs_item_sk)
join customer_demographics on (cs_bill_cdemo_sk = cd_demo_sk)
join date_dim d1 on (cs_sold_date_sk = d1.d_date_sk)
left outer join promotion on (cs_promo_sk = p_promo_sk)
left outer join catalog_returns on (cr_item_sk = cs_item_sk and cr_order_number = cs_order_number)
where d1.d_year = 1999 and cd_marital_status = 'D'
group by i_item_desc, w_warehouse_name, d1.d_week_seq, d1.d_date
order by no_promo desc
limit 100;
