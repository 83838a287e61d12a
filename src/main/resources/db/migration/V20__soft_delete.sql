-- Retiring a record (DELETE) is a soft delete: the row stays, with who retired it and when, so its
-- history and versions survive and an admin can restore it. deleted_at IS NULL means the record is live;
-- reads, lists, PATCH and references only see live records.
ALTER TABLE plans ADD COLUMN deleted_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE plans ADD COLUMN deleted_by VARCHAR(100);
ALTER TABLE subscriptions ADD COLUMN deleted_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE subscriptions ADD COLUMN deleted_by VARCHAR(100);
ALTER TABLE invoices ADD COLUMN deleted_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE invoices ADD COLUMN deleted_by VARCHAR(100);

-- "Which live subscriptions use this plan?" is asked before a plan is retired.
CREATE INDEX subscriptions_plan_idx ON subscriptions (plan_id);
