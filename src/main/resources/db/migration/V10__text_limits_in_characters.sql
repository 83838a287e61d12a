-- Text limits are counted in characters (code points) by the server. PostgreSQL's VARCHAR(n) counts the
-- same way, H2's counts UTF-16 units, so 200 emoji (400 units) did not fit on H2. Each column gets room
-- for its limit in UTF-16 units; the server still enforces the limit itself.
ALTER TABLE subscriptions ALTER COLUMN customer_name SET DATA TYPE VARCHAR(400);
ALTER TABLE subscriptions ALTER COLUMN customer_email SET DATA TYPE VARCHAR(400);
ALTER TABLE plans ALTER COLUMN name SET DATA TYPE VARCHAR(400);
ALTER TABLE plans ALTER COLUMN tier SET DATA TYPE VARCHAR(400);
ALTER TABLE invoices ALTER COLUMN invoice_number SET DATA TYPE VARCHAR(400);
ALTER TABLE change_log ALTER COLUMN reason SET DATA TYPE VARCHAR(2000);
