COPY INTO bronze.raw_clicks
FROM 's3://landing/clicks/${bizdate}/'
FILEFORMAT = JSON
FORMAT_OPTIONS ('inferSchema' = 'true');
