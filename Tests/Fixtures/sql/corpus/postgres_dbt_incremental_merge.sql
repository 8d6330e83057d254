-- compiled incremental model (delete+insert strategy)
delete from "analytics"."dbt_prod"."fct_events"
    where (event_id) in (
        select (event_id)
        from "fct_events__dbt_tmp140512345"
    );

insert into "analytics"."dbt_prod"."fct_events" ("event_id", "user_id", "occurred_at")
    (
        select "event_id", "user_id", "occurred_at"
        from "fct_events__dbt_tmp140512345"
    );
