package dev.concord.server;

import dev.concord.api.FieldChange;
import dev.concord.api.HistoryEntry;
import dev.concord.domain.Entity;
import dev.concord.domain.EntityKind;
import dev.concord.domain.FieldSpec;
import dev.concord.domain.FieldType;
import dev.concord.domain.FieldValues;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The write path's statements, each one database round trip (issue 16): a narrow read of only the columns a
 * change-log row needs, and THE conditional UPDATE returning the new row, so no second read follows it
 * ({@code UPDATE ... RETURNING} on PostgreSQL, a data change delta table {@code FINAL TABLE (UPDATE ...)} on
 * H2). On PostgreSQL the UPDATE and its change-log row are one statement, so a PATCH makes as many round trips
 * as the bare UPDATE + INSERT it is measured against, plus the narrow read. These statements send no NOTIFY:
 * the writing instance's event reader is nudged after commit and stamps the row, and its stamping statement
 * wakes the other instances ({@link ChangeLogEvents}), once per batch of writes instead of once per write.
 */
final class RowWrites {
    /** The version and the few field values read before an UPDATE. */
    record Before(long version, FieldValues values) {
    }

    private RowWrites() {
    }

    /**
     * The columns the writer needs before it updates: the changed fields (the log's {@code from}), and the
     * currency and amounts when money is involved ({@link MinorUnits} checks them against each other).
     */
    static Set<String> neededBefore(EntityKind kind, Set<String> changed) {
        Set<String> out = new LinkedHashSet<>(changed);
        boolean money = kind.field("currency").isPresent() && kind.fields().stream()
                .anyMatch(f -> changed.contains(f.name()) && (f.type() == FieldType.MONEY || f.name().equals("currency")));
        if (money) {
            for (FieldSpec f : kind.fields()) {
                if (f.type() == FieldType.MONEY || f.name().equals("currency")) {
                    out.add(f.name());
                }
            }
        }
        return out;
    }

    /** The live record's version and {@code fields}; empty when there is no live record with that id. */
    static Optional<Before> readBefore(Connection c, EntityKind kind, String id, Set<String> fields) throws SQLException {
        EntityTable t = EntityTable.of(kind);
        StringBuilder sql = new StringBuilder("SELECT version");
        for (String f : fields) {
            sql.append(", ").append(t.column(f));
        }
        sql.append(" FROM ").append(t.table()).append(" WHERE id = ? AND deleted_at IS NULL");
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Before(rs.getLong("version"), t.readFields(rs, fields))) : Optional.empty();
            }
        }
    }

    /** The whole live record (null when none) and the stored answer to the request's key (null when none). */
    record KeyedBefore(Entity current, IdempotencyStore.Stored stored, Instant storedAt) {
    }

    /**
     * The read before a write sent with an Idempotency-Key, one round trip: the key's stored answer, and the whole
     * live record (a keyed write predicts the record it will write, to store the answer in the same statement).
     */
    static KeyedBefore readBeforeKeyed(Connection c, EntityKind kind, String id, String actor, String key)
            throws SQLException {
        EntityTable t = EntityTable.of(kind);
        String sql = "SELECT " + t.selectColumns("r.") + ", k.request_hash, k.status_code, k.etag, k.response_body,"
                + " k.created_at AS key_created_at FROM (SELECT 1 AS one) o"
                + " LEFT JOIN " + t.table() + " r ON r.id = ? AND r.deleted_at IS NULL"
                + " LEFT JOIN idempotency_keys k ON k.actor = ? AND k.idem_key = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, id);
            ps.setString(2, actor);
            ps.setString(3, key);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                Entity current = rs.getString("id") == null ? null : t.read(rs);
                String hash = rs.getString("request_hash");
                return hash == null ? new KeyedBefore(current, null, null) : new KeyedBefore(current,
                        new IdempotencyStore.Stored(hash.trim(), rs.getInt("status_code"), rs.getString("etag"),
                                rs.getString("response_body")), EntityTable.instant(rs, "key_created_at"));
            }
        }
    }

    /** The idempotency row's INSERT inside a write's CTE, only if the write's row ({@code source}) came back. */
    private static String claimCte(IdempotencyStore.Claim claim, String source) {
        return claim == null ? "" : ", idem AS (INSERT INTO " + IdempotencyStore.INSERT_INTO
                + " SELECT ?, ?, ?, ?, ?, ?, ? FROM " + source + ")";
    }

    /**
     * The conditional UPDATE ({@code WHERE id = ? AND version = ?}) and its change-log row, in the caller's
     * transaction; null when no row matched (the record moved on or is gone: nothing was written).
     */
    static WriteOutcome.Written updateAndLog(Connection c, EntityKind kind, String id, long expectedVersion,
                                             Map<String, Object> changes, String actor, Instant now, String entryKind,
                                             List<FieldChange> diff, String reason, IdempotencyStore.Claim claim)
            throws SQLException {
        EntityTable t = EntityTable.of(kind);
        String update = RecordRows.updateSql(t, changes);
        if (isPostgres(c)) {
            // One round trip: the UPDATE and the log row only if it matched. No NOTIFY here (see the class comment):
            // a NOTIFY per write cost the listening backend and this instance's LISTEN thread a wake-up each, and
            // PostgreSQL serialises the commits of notifying transactions on one lock (issue 16).
            String sql = "WITH upd AS (" + update + " RETURNING " + t.selectColumns() + "), "
                    + "log AS (INSERT INTO change_log (entity, entity_id, version, actor, changed_at, kind, changes, reason)"
                    + " SELECT ?, id, version, ?, ?, ?, ?, ? FROM upd RETURNING seq)" + claimCte(claim, "upd")
                    + " SELECT upd.*, log.seq AS log_seq FROM upd, log";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = RecordRows.bindUpdate(ps, t, changes, actor, now, id, expectedVersion);
                ps.setString(i++, kind.path());
                ps.setString(i++, actor);
                EntityTable.bindInstant(ps, i++, now);
                ps.setString(i++, entryKind);
                ps.setString(i++, ChangeLog.toJson(diff));
                ps.setString(i++, reason);
                if (claim != null) {
                    IdempotencyStore.bindClaim(ps, i, claim);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return null;
                    }
                    Entity after = t.read(rs);
                    return new WriteOutcome.Written(after, new HistoryEntry(rs.getLong("log_seq"), kind.path(), id,
                            after.version(), actor, now, entryKind, diff, reason));
                }
            }
        }
        Entity after = updateReturning(c, t, update, changes, actor, now, id, expectedVersion);
        if (after == null) {
            return null;
        }
        HistoryEntry entry = ChangeLog.append(c, kind, id, after.version(), actor, now, entryKind, diff, reason);
        if (claim != null) {
            IdempotencyStore.insert(c, claim);
        }
        return new WriteOutcome.Written(after, entry);
    }

    /**
     * Inserts a new record at version 1 with its {@code create} change-log row, returning the record as stored;
     * on PostgreSQL the INSERT and the log row are one statement (no NOTIFY: see the class comment), and an id already taken (live or
     * retired) writes nothing and returns null ({@code ON CONFLICT DO NOTHING}: no read before to check it).
     */
    static WriteOutcome.Written insertAndLog(Connection c, EntityKind kind, String id, FieldValues values, String actor,
                                             Instant now, List<FieldChange> changes, IdempotencyStore.Claim claim)
            throws SQLException {
        EntityTable t = EntityTable.of(kind);
        String insert = RecordRows.insertSql(t);
        if (isPostgres(c)) {
            // The references it makes are checked by the INSERT itself (no query before it, issue 16): a row is
            // inserted only when each names a live record. No row back: the id is taken or a reference is not
            // live, and the caller tells which.
            List<ReferenceChecks.Reference> refs = ReferenceChecks.made(kind, values.asMap());
            if (!refs.isEmpty()) {
                StringBuilder guarded = new StringBuilder(insert.replace(") VALUES (", ") SELECT "));
                guarded.setLength(guarded.length() - 1); // the closing parenthesis of VALUES (...)
                String glue = " WHERE ";
                for (ReferenceChecks.Reference r : refs) {
                    guarded.append(glue).append("EXISTS (SELECT 1 FROM ").append(EntityTable.of(r.target()).table())
                            .append(" WHERE id = ? AND deleted_at IS NULL)");
                    glue = " AND ";
                }
                insert = guarded.toString();
            }
            String sql = "WITH ins AS (" + insert + " ON CONFLICT (id) DO NOTHING RETURNING " + t.selectColumns() + "), "
                    + "log AS (INSERT INTO change_log (entity, entity_id, version, actor, changed_at, kind, changes, reason)"
                    + " SELECT ?, id, version, ?, ?, ?, ?, NULL FROM ins RETURNING seq)" + claimCte(claim, "ins")
                    + " SELECT ins.*, log.seq AS log_seq FROM ins, log";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = RecordRows.bindInsert(ps, t, id, values, actor, now);
                for (ReferenceChecks.Reference r : refs) {
                    ps.setString(i++, r.id());
                }
                ps.setString(i++, kind.path());
                ps.setString(i++, actor);
                EntityTable.bindInstant(ps, i++, now);
                ps.setString(i++, HistoryEntry.CREATE);
                ps.setString(i++, ChangeLog.toJson(changes));
                if (claim != null) {
                    IdempotencyStore.bindClaim(ps, i, claim);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return null;
                    }
                    Entity created = t.read(rs);
                    return new WriteOutcome.Written(created, new HistoryEntry(rs.getLong("log_seq"), kind.path(), id, 1,
                            actor, now, HistoryEntry.CREATE, changes, null));
                }
            }
        }
        Entity created;
        try (PreparedStatement ps = c.prepareStatement("SELECT " + t.selectColumns() + " FROM FINAL TABLE (" + insert + ")")) {
            RecordRows.bindInsert(ps, t, id, values, actor, now);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                created = t.read(rs);
            }
        }
        HistoryEntry entry = ChangeLog.append(c, kind, id, 1, actor, now, HistoryEntry.CREATE, changes, null);
        if (claim != null) {
            IdempotencyStore.insert(c, claim);
        }
        return new WriteOutcome.Written(created, entry);
    }

    /** H2: the new row from a data change delta table, so the UPDATE needs no read after it. */
    private static Entity updateReturning(Connection c, EntityTable t, String update, Map<String, Object> changes,
                                          String actor, Instant now, String id, long expectedVersion) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + t.selectColumns() + " FROM FINAL TABLE (" + update + ")")) {
            RecordRows.bindUpdate(ps, t, changes, actor, now, id, expectedVersion);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? t.read(rs) : null;
            }
        }
    }

    static boolean isPostgres(Connection c) throws SQLException {
        return c.isWrapperFor(org.postgresql.PGConnection.class);
    }
}
