package dev.concord.server;

import dev.concord.api.HistoryEntry;
import dev.concord.domain.Entity;
import dev.concord.domain.EntityKind;
import dev.concord.domain.FieldValues;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Versioned records in plain JDBC, the one door the routes use. It only delegates: {@link RecordSearch}
 * lists, {@link RecordWriter} writes (one conditional UPDATE decides whether a write lands),
 * {@link VersionHistory} rebuilds past versions, {@link RecordRows} holds the row-level SQL.
 */
final class RecordRepository {
    /** Work done inside the write's transaction after the UPDATE, e.g. storing the idempotent answer. */
    interface InTransaction {
        void afterWrite(Connection c, WriteOutcome.Written written) throws SQLException;

        /**
         * Asked when the UPDATE matched no row: whether a twin of this request (same idempotency key)
         * committed meanwhile, in which case this is no conflict but a retry to be answered as the twin was.
         */
        boolean answeredMeanwhile(Connection c) throws SQLException;

        /**
         * Whether {@link #afterWrite} writes nothing (no Idempotency-Key to store): then a write that is one
         * statement needs no transaction around it.
         */
        default boolean writesNothing() {
            return false;
        }

        /**
         * The request's Idempotency-Key answer when it has one: the writer may then look the key up in its read
         * before the write and store the answer in the write's own statement (issue 16), instead of
         * {@link #afterWrite}'s separate statements. Null: no key.
         */
        default IdempotentRequests.Answer keyed() {
            return null;
        }

        InTransaction NONE = new InTransaction() {
            @Override
            public void afterWrite(Connection c, WriteOutcome.Written written) {
            }

            @Override
            public boolean answeredMeanwhile(Connection c) {
                return false;
            }

            @Override
            public boolean writesNothing() {
                return true;
            }
        };
    }

    private final Database db;
    private final RecordSearch search;
    private final RecordWriter writer;
    private final VersionHistory versions;

    RecordRepository(Database db, ServerClock clock) {
        this.db = db;
        this.search = new RecordSearch(db);
        this.writer = new RecordWriter(db, clock);
        this.versions = new VersionHistory(db);
    }

    Optional<Entity> find(EntityKind kind, String id) {
        return db.readOnce(c -> RecordRows.read(c, kind, id));
    }

    RecordPage list(EntityKind kind, String q, String status, int limit, String afterId) {
        return search.list(kind, q, status, limit, afterId);
    }

    /** See {@link RecordWriter#update}. */
    WriteOutcome update(EntityKind kind, String id, long expectedVersion, Map<String, Object> changes, String actor,
                        InTransaction hook) {
        return writer.update(kind, id, expectedVersion, changes, actor, hook);
    }

    /** See {@link RecordWriter#override}. */
    WriteOutcome override(EntityKind kind, String id, Long baseVersion, Map<String, Object> changes, String actor,
                          String reason, InTransaction hook) {
        return writer.override(kind, id, baseVersion, changes, actor, reason, hook);
    }

    /** The record as it was at {@code version}; see {@link VersionHistory#versionAt}. */
    Optional<Entity> versionAt(EntityKind kind, String id, long version) {
        return versions.versionAt(kind, id, version);
    }

    /** The change log of one record, newest first; empty when the record does not exist. */
    Optional<List<HistoryEntry>> history(EntityKind kind, String id) {
        return versions.history(kind, id);
    }

    /** One page of the change log, newest first; see {@link VersionHistory#history(EntityKind, String, Long, int)}. */
    Optional<List<HistoryEntry>> history(EntityKind kind, String id, Long beforeSeq, int limit) {
        return versions.history(kind, id, beforeSeq, limit);
    }

    /** Inserts a new record at version 1 (seeding); no change-log row, version 1 is the record as created. */
    void insert(Connection c, EntityKind kind, String id, FieldValues values, String actor, Instant at)
            throws SQLException {
        RecordRows.insert(c, kind, id, values, actor, at);
    }

    long count(Connection c, EntityKind kind) throws SQLException {
        return RecordRows.count(c, kind);
    }
}
