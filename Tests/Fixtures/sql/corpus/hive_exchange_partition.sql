-- Swap the freshly built partition into the serving table
ALTER TABLE dws.dws_traffic_session_1d EXCHANGE PARTITION (dt='${bizdate}') WITH TABLE tmp.tmp_traffic_session_1d;
ALTER TABLE dws.dws_traffic_session_1d DROP IF EXISTS PARTITION (dt='$[yyyyMMdd-30]');
