-- Who is viewing or editing which record (issue 6). Rows are short-lived: an announcement expires unless
-- renewed, and leaving sets state 'left'. seq (from presence_seq) grows on every change, so every server
-- instance can poll for changes and push them to its event-stream subscribers.
CREATE SEQUENCE presence_seq;

CREATE TABLE presence (
    actor      VARCHAR(100) NOT NULL,
    entity     VARCHAR(32)  NOT NULL,
    entity_id  VARCHAR(64)  NOT NULL,
    state      VARCHAR(16)  NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    seq        BIGINT       NOT NULL,
    PRIMARY KEY (actor, entity, entity_id)
);

CREATE INDEX presence_seq_idx ON presence (seq);
