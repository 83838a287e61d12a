-- The three kinds of record. The optimistic-concurrency version column arrives in V2, on its own,
-- as the reference design introduced it; everything here is the plain data.
CREATE TABLE plans (
    id            VARCHAR(64)    NOT NULL PRIMARY KEY,
    name          VARCHAR(200)   NOT NULL,
    tier          VARCHAR(200)   NOT NULL,
    price         NUMERIC(14, 2) NOT NULL,
    currency      CHAR(3)        NOT NULL,
    billing_cycle VARCHAR(16)    NOT NULL,
    features      TEXT           NOT NULL,
    active        BOOLEAN        NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by    VARCHAR(100)   NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by    VARCHAR(100)   NOT NULL
);

CREATE TABLE subscriptions (
    id                   VARCHAR(64)    NOT NULL PRIMARY KEY,
    customer_name        VARCHAR(200)   NOT NULL,
    customer_email       VARCHAR(200)   NOT NULL,
    plan_id              VARCHAR(64)    NOT NULL,
    status               VARCHAR(16)    NOT NULL,
    amount               NUMERIC(14, 2) NOT NULL,
    currency             CHAR(3)        NOT NULL,
    billing_cycle        VARCHAR(16)    NOT NULL,
    next_billing_date    DATE,
    cancel_at_period_end BOOLEAN        NOT NULL,
    tags                 TEXT           NOT NULL,
    notes                TEXT           NOT NULL,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by           VARCHAR(100)   NOT NULL,
    updated_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by           VARCHAR(100)   NOT NULL
);

CREATE TABLE invoices (
    id              VARCHAR(64)    NOT NULL PRIMARY KEY,
    invoice_number  VARCHAR(200)   NOT NULL,
    subscription_id VARCHAR(64)    NOT NULL,
    status          VARCHAR(16)    NOT NULL,
    total           NUMERIC(14, 2) NOT NULL,
    currency        CHAR(3)        NOT NULL,
    due_date        DATE,
    notes           TEXT           NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by      VARCHAR(100)   NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by      VARCHAR(100)   NOT NULL
);

CREATE INDEX subscriptions_status_idx ON subscriptions (status);
CREATE INDEX invoices_status_idx ON invoices (status);
CREATE INDEX invoices_subscription_idx ON invoices (subscription_id);
