INSERT INTO dw.contacts (email, source)
SELECT email, 'crm' FROM crm.leads WHERE email IS NOT NULL
UNION
SELECT email, 'shop' FROM shop.customers
UNION ALL
SELECT contact_email, 'support' FROM support.tickets t
  WHERE NOT EXISTS (SELECT 1 FROM dw.contacts c WHERE c.email = t.contact_email);
