-- DolphinScheduler task: parameters are substituted at run time
delete from report.kpi_daily where stat_date = '${bizdate}';
insert into report.kpi_daily (stat_date, kpi, value)
select '${bizdate}', 'dau', count(distinct user_id)
from ods.app_events
where event_date = '$[yyyy-MM-dd-1]' and note <> 'from ghost; drop table x';
