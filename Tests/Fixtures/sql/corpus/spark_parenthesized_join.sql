INSERT INTO mart.order_facts
SELECT o.id, c.name, p.title
FROM (sales.orders o JOIN crm.customers c ON c.id = o.customer_id)
LEFT JOIN (catalog.products p JOIN catalog.brands b ON b.id = p.brand_id) ON p.id = o.product_id;
