INSERT OVERWRITE TABLE mart.top_pages
SELECT * FROM (
  WITH ranked AS (
    SELECT page, views, rank() OVER (ORDER BY views DESC) AS r
    FROM web.page_stats
  )
  SELECT page, views FROM ranked WHERE r <= 10
) top;
