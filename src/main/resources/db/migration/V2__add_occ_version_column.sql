-- Optimistic concurrency: every committed write bumps the version, and a write names the version it
-- was based on (UPDATE ... WHERE id = ? AND version = ?). Existing rows start at 1.
ALTER TABLE plans ADD COLUMN version BIGINT DEFAULT 1 NOT NULL;
ALTER TABLE subscriptions ADD COLUMN version BIGINT DEFAULT 1 NOT NULL;
ALTER TABLE invoices ADD COLUMN version BIGINT DEFAULT 1 NOT NULL;
