package dev.concord.server;

import dev.concord.domain.Entity;
import dev.concord.domain.EntityKind;
import dev.concord.domain.FieldSpec;
import dev.concord.domain.FieldValues;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Row-level SQL on the record tables, inside a transaction the caller owns: read one row, insert one, and
 * THE conditional UPDATE that decides whether a write lands.
 */
final class RecordRows {
    private RecordRows() {
    }

    /** The live record (not retired); a retired record reads as absent, as it does over the API. */
    static Optional<Entity> read(Connection c, EntityKind kind, String id) throws SQLException {
        return read(c, kind, id, " AND deleted_at IS NULL");
    }

    /** The record whether live or retired (create checks its id is free, restore finds it). */
    static Optional<Entity> readAny(Connection c, EntityKind kind, String id) throws SQLException {
        return read(c, kind, id, "");
    }

    private static Optional<Entity> read(Connection c, EntityKind kind, String id, String filter) throws SQLException {
        EntityTable t = EntityTable.of(kind);
        try (PreparedStatement ps = c.prepareStatement("SELECT " + t.selectColumns() + " FROM " + t.table()
                + " WHERE id = ?" + filter)) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(t.read(rs)) : Optional.empty();
            }
        }
    }

    static String createdBy(Connection c, EntityKind kind, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT created_by FROM " + EntityTable.of(kind).table()
                + " WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /**
     * THE write: one statement ({@code ... WHERE id = ? AND version = ?}) that both checks the version and
     * applies the change, so two writers can never both win with the same base, whatever the number of
     * server instances on the database.
     */
    static int conditionalUpdate(Connection c, EntityKind kind, String id, long expectedVersion,
                                 Map<String, Object> changes, String actor, Instant now) throws SQLException {
        EntityTable t = EntityTable.of(kind);
        try (PreparedStatement ps = c.prepareStatement(updateSql(t, changes))) {
            bindUpdate(ps, t, changes, actor, now, id, expectedVersion);
            return ps.executeUpdate();
        }
    }

    /** {@link #conditionalUpdate}'s statement, also run with RETURNING / FINAL TABLE by {@link RowWrites}. */
    static String updateSql(EntityTable t, Map<String, Object> changes) {
        StringBuilder sql = new StringBuilder("UPDATE " + t.table() + " SET ");
        for (String field : changes.keySet()) {
            sql.append(t.column(field)).append(" = ?, ");
        }
        return sql.append("version = version + 1, updated_at = ?, updated_by = ? WHERE id = ? AND version = ?").toString();
    }

    /** Binds the UPDATE's parameters; returns the index of the next one. */
    static int bindUpdate(PreparedStatement ps, EntityTable t, Map<String, Object> changes, String actor,
                          Instant now, String id, long expectedVersion) throws SQLException {
        int i = 1;
        for (Map.Entry<String, Object> e : changes.entrySet()) {
            t.bind(ps, i++, e.getKey(), e.getValue());
        }
        EntityTable.bindInstant(ps, i++, now);
        ps.setString(i++, actor);
        ps.setString(i++, id);
        ps.setLong(i++, expectedVersion);
        return i;
    }

    /** Inserts a new record at version 1 (seeding); no change-log row, version 1 is the record as created. */
    static void insert(Connection c, EntityKind kind, String id, FieldValues values, String actor, Instant at)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(insertSql(EntityTable.of(kind)))) {
            bindInsert(ps, EntityTable.of(kind), id, values, actor, at);
            ps.executeUpdate();
        }
    }

    /** Whether a row with this id exists, live or retired (one indexed probe, no columns read). */
    static boolean exists(Connection c, EntityKind kind, String id, boolean liveOnly) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM " + EntityTable.of(kind).table() + " WHERE id = ?"
                + (liveOnly ? " AND deleted_at IS NULL" : ""))) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** The INSERT of a whole record at version 1; parameters bound by {@link #bindInsert}. */
    static String insertSql(EntityTable t) {
        List<String> fields = t.kind().fields().stream().map(FieldSpec::name).toList();
        StringBuilder sql = new StringBuilder("INSERT INTO " + t.table() + " (id");
        for (String f : fields) {
            sql.append(", ").append(t.column(f));
        }
        sql.append(", version, created_at, created_by, updated_at, updated_by) VALUES (?");
        return sql.append(", ?".repeat(fields.size())).append(", 1, ?, ?, ?, ?)").toString();
    }

    /** Binds {@link #insertSql}'s parameters; returns the index of the next one. */
    static int bindInsert(PreparedStatement ps, EntityTable t, String id, FieldValues values, String actor, Instant at)
            throws SQLException {
        int i = 1;
        ps.setString(i++, id);
        for (FieldSpec f : t.kind().fields()) {
            t.bind(ps, i++, f.name(), values.get(f.name()));
        }
        EntityTable.bindInstant(ps, i++, at);
        ps.setString(i++, actor);
        EntityTable.bindInstant(ps, i++, at);
        ps.setString(i++, actor);
        return i;
    }

    static long count(Connection c, EntityKind kind) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + EntityTable.of(kind).table());
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
