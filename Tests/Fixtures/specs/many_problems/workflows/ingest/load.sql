-- ERROR: DF201
-- upstream: extrct
-- ERROR: DF401
INSERT INTO t SELECT * FROM s WHERE region = '{{ region }}';
