-- The first successful answer to a PATCH sent with an Idempotency-Key, kept so that a client that lost
-- the answer can retry without a false conflict or a second write. Keys are scoped to the actor;
-- request_hash tells a true retry from a reuse of the key for another request.
CREATE TABLE idempotency_keys (
    actor         VARCHAR(100) NOT NULL,
    idem_key      VARCHAR(200) NOT NULL,
    request_hash  CHAR(64)     NOT NULL,
    status_code   INTEGER      NOT NULL,
    etag          VARCHAR(40),
    response_body TEXT         NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (actor, idem_key)
);

CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created_at);
