UPDATE dbo.Inventory
SET dbo.Inventory.OnHand = dbo.Inventory.OnHand - r.Qty
FROM dbo.Inventory
JOIN dbo.Reservations r ON r.ItemId = dbo.Inventory.ItemId
WHERE r.Status = 'confirmed';
