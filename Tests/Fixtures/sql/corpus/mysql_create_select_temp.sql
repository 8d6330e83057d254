CREATE TEMPORARY TABLE tmp_top_sellers
SELECT seller_id, SUM(amount) AS revenue
FROM market.orders
WHERE created_at >= CURDATE() - INTERVAL 7 DAY
GROUP BY seller_id
ORDER BY revenue DESC
LIMIT 100;

UPDATE market.sellers s JOIN tmp_top_sellers t ON t.seller_id = s.id SET s.badge = 'top';
