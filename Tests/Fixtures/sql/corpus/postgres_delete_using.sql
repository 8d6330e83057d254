DELETE FROM billing.invoice_lines il
USING billing.invoices i, billing.cancellations c
WHERE il.invoice_id = i.id
  AND i.id = c.invoice_id
  AND c.cancelled_at < now() - interval '1 day';
