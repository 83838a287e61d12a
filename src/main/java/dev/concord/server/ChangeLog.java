package dev.concord.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.concord.api.FieldChange;
import dev.concord.api.HistoryEntry;
import dev.concord.api.Json;
import dev.concord.domain.EntityKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The change-log table: one row per committed write and per refused stale write. */
final class ChangeLog {
    private static final String COLUMNS = "seq, entity, entity_id, version, actor, changed_at, kind, changes, reason";

    private ChangeLog() {
    }

    /** Appends a row on the caller's connection, so it commits or rolls back with the write it describes. */
    static HistoryEntry append(Connection c, EntityKind kind, String id, long version, String actor, Instant at,
                               String entryKind, List<FieldChange> changes, String reason) throws SQLException {
        String insert = "INSERT INTO change_log (entity, entity_id, version, actor, changed_at, kind, changes, reason)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
        boolean postgres = RowWrites.isPostgres(c);
        // PostgreSQL: the row and the NOTIFY in one round trip; H2 (in process) has no NOTIFY to send.
        String sql = postgres ? "WITH log AS (" + insert + " RETURNING seq) SELECT seq, " + NOTIFY_SELF + " FROM log" : insert;
        try (PreparedStatement ps = postgres ? c.prepareStatement(sql) : c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, kind.path());
            ps.setString(2, id);
            ps.setLong(3, version);
            ps.setString(4, actor);
            EntityTable.bindInstant(ps, 5, at);
            ps.setString(6, entryKind);
            ps.setString(7, toJson(changes));
            ps.setString(8, reason);
            long seq;
            if (postgres) {
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    seq = rs.getLong(1);
                }
            } else {
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    seq = keys.getLong(1);
                }
            }
            return new HistoryEntry(seq, kind.path(), id, version, actor, at, entryKind, changes, reason);
        }
    }

    /**
     * On PostgreSQL, wakes the event reader of every instance (LISTEN {@value #CHANNEL}) when this transaction
     * commits; PostgreSQL delivers a NOTIFY only on commit, and not at all on rollback. H2 has no NOTIFY: one
     * instance owns an H2 database, and it nudges its own reader after each write.
     */
    static void notifyListeners(Connection c) throws SQLException {
        if (c.isWrapperFor(org.postgresql.PGConnection.class)) {
            try (Statement s = c.createStatement()) {
                s.execute("NOTIFY " + CHANNEL);
            }
        }
    }

    /** The PostgreSQL notification channel of committed writes and presence changes. */
    static final String CHANNEL = "concord_changes";

    /**
     * The select-list call that NOTIFYs {@link #CHANNEL} with the connection's application name, i.e. its
     * instance ({@link Database#instanceTag}); that instance ignores its own (its reader already knows). Sent by
     * the event reader's stamping statement and by writes outside the usual one-statement PATCH and POST.
     */
    static final String NOTIFY_SELF = "pg_notify('" + CHANNEL + "', current_setting('application_name'))";

    /** Every row of one record, newest first. */
    static List<HistoryEntry> history(Connection c, EntityKind kind, String id) throws SQLException {
        return query(c, "SELECT " + COLUMNS + " FROM change_log WHERE entity = ? AND entity_id = ? ORDER BY seq DESC",
                kind, id, null);
    }

    /** One page of a record's rows, newest first: at most {@code limit} rows below {@code beforeSeq} (null: from the newest). */
    static List<HistoryEntry> historyPage(Connection c, EntityKind kind, String id, Long beforeSeq, int limit)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM change_log WHERE entity = ?"
                + " AND entity_id = ? AND seq < ? ORDER BY seq DESC LIMIT ?")) {
            ps.setString(1, kind.path());
            ps.setString(2, id);
            ps.setLong(3, beforeSeq == null ? Long.MAX_VALUE : beforeSeq);
            ps.setInt(4, limit);
            return readAll(ps);
        }
    }

    /** The kind of the next row by {@code actor} on one record after {@code seq}, if any. */
    static java.util.Optional<String> nextKindBy(Connection c, EntityKind kind, String id, String actor, long seq)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT kind FROM change_log WHERE entity = ? AND entity_id = ?"
                + " AND actor = ? AND seq > ? ORDER BY seq LIMIT 1")) {
            ps.setString(1, kind.path());
            ps.setString(2, id);
            ps.setString(3, actor);
            ps.setLong(4, seq);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? java.util.Optional.of(rs.getString(1)) : java.util.Optional.empty();
            }
        }
    }

    /** The committed writes (update, override) of one record after {@code version}, oldest first. */
    static List<HistoryEntry> writesAfter(Connection c, EntityKind kind, String id, long version) throws SQLException {
        return query(c, "SELECT " + COLUMNS + " FROM change_log WHERE entity = ? AND entity_id = ? AND version > ?"
                + " AND kind IN ('update', 'override') ORDER BY seq", kind, id, version);
    }

    /**
     * Committed writes of any record after change-log position {@code seq}, oldest first, at most {@code limit}:
     * creates, updates, overrides, deletes and restores (everything but refused writes).
     */
    static List<HistoryEntry> writesSince(Connection c, long seq, int limit) throws SQLException {
        String sql = "SELECT " + COLUMNS + " FROM change_log WHERE seq > ? AND kind <> 'conflict'"
                + " ORDER BY seq LIMIT ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, seq);
            ps.setInt(2, limit);
            return readAll(ps);
        }
    }

    /** Every row (conflicts too, so gaps in seq can be told from refusals) after {@code seq}, oldest first. */
    static List<HistoryEntry> allSince(Connection c, long seq, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM change_log WHERE seq > ?"
                + " ORDER BY seq LIMIT ?")) {
            ps.setLong(1, seq);
            ps.setInt(2, limit);
            return readAll(ps);
        }
    }

    static long lastSeq(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(seq), 0) FROM change_log");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<HistoryEntry> query(Connection c, String sql, EntityKind kind, String id, Long version)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, kind.path());
            ps.setString(2, id);
            if (version != null) {
                ps.setLong(3, version);
            }
            return readAll(ps);
        }
    }

    private static List<HistoryEntry> readAll(PreparedStatement ps) throws SQLException {
        List<HistoryEntry> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new HistoryEntry(rs.getLong("seq"), rs.getString("entity"), rs.getString("entity_id"),
                        rs.getLong("version"), rs.getString("actor"), EntityTable.instant(rs, "changed_at"),
                        rs.getString("kind"), fromJson(rs.getString("changes")), rs.getString("reason")));
            }
        }
        return out;
    }

    static String toJson(List<FieldChange> changes) {
        try {
            return Json.mapper().writeValueAsString(changes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("wire values always serialise", e);
        }
    }

    /** Made once, not a type resolved per row the event reader or a history request reads (issue 16). */
    private static final com.fasterxml.jackson.databind.ObjectReader CHANGES =
            Json.mapper().readerFor(new TypeReference<List<FieldChange>>() { });

    static List<FieldChange> fromJson(String json) {
        try {
            return CHANGES.readValue(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("change-log row holds no JSON list", e);
        }
    }
}
