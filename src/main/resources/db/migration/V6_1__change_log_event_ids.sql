-- Event ids in commit order (issue 14). change_log.seq is taken when a write starts, so a slow transaction
-- commits a lower seq after higher ones: a reader that follows seq either waits on gaps or misses the slow
-- write. event_id is given to a row only after it committed, by one stamping transaction at a time holding
-- the event_counter row, so event ids become visible strictly in order and a reader never meets a gap that
-- might still fill. Rows written before this migration keep their seq as event id.
ALTER TABLE change_log ADD COLUMN event_id BIGINT;
UPDATE change_log SET event_id = seq;
CREATE UNIQUE INDEX change_log_event_idx ON change_log (event_id);

CREATE TABLE event_counter (
    id            INT    PRIMARY KEY,
    last_event_id BIGINT NOT NULL
);
INSERT INTO event_counter (id, last_event_id) SELECT 1, COALESCE(MAX(seq), 0) FROM change_log;
