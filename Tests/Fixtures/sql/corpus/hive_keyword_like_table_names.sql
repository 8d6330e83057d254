insert overwrite table dw.event_summary partition (dt='${bizdate}')
select e.name, count(*), max(d.value)
from ods.event e
join ods.data d on d.event_id = e.id
join log l on l.event_id = e.id
group by e.name;
