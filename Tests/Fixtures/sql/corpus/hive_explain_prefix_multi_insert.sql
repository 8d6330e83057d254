explain extended
from ods.srcpart
insert overwrite table tmp.part8 partition (ds, hr) select key, value, ds, hr where ds <= '2008-04-08';

from ods.srcpart
insert overwrite table tmp.part8 partition (ds, hr) select key, value, ds, hr where ds <= '2008-04-08'
insert overwrite table tmp.part8 partition (ds='2008-12-31', hr) select key, value, hr where ds > '2008-04-08';
