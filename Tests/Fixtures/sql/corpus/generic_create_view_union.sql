CREATE OR REPLACE VIEW reporting.all_contacts AS
SELECT email FROM crm.customers
UNION
SELECT email FROM crm.prospects
EXCEPT
SELECT email FROM crm.unsubscribed;
