  create view "analytics"."dbt_prod"."stg_payments__dbt_tmp" as (
    with source as (
    select * from "analytics"."raw_stripe"."payment"
),
renamed as (
    select id as payment_id, orderid as order_id, paymentmethod as payment_method,
        amount / 100 as amount
    from source
)
select * from renamed
  );
