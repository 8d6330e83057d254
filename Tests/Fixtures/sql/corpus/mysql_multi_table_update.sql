-- refresh denormalized customer tier on orders
UPDATE shop.orders o
  INNER JOIN shop.customers c ON c.id = o.customer_id
  LEFT JOIN shop.tiers t ON t.min_spend <= c.lifetime_spend
SET o.customer_tier = t.name,
    o.updated_at = NOW()
WHERE o.status = 'open';
