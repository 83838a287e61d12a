package dev.concord.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.concord.api.FieldChange;
import dev.concord.api.HistoryEntry;
import dev.concord.api.Json;
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
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The usual PATCH on PostgreSQL as ONE statement, one round trip (issue 16): the conditional UPDATE reads the
 * row's old values of the changed fields through a self-join ({@code UPDATE t AS r ... FROM t AS o}, o being the
 * row as the statement's snapshot saw it) and returns them beside the new row, and the change-log row is inserted
 * from it in the same statement, its {@code from} values turned into JSON by PostgreSQL ({@code to_json}), the
 * rest of each element made here exactly as {@link ChangeLog#toJson} makes it. Before, a PATCH read the version
 * and the changed columns first (a round trip of its own) to make the log row.
 *
 * <p>Only for changes of plain text fields ({@link #applies}): their wire value is the stored string, no money
 * rule ({@link MinorUnits}) and no reference check ({@link ReferenceChecks}) depends on a value read before.
 * The statement writes only when the record is live, at the expected version (on the row it updates, re-checked
 * by PostgreSQL after any concurrent write, and on the snapshot's row, so the old values are those of that
 * version) and at least one field really changes. Otherwise it writes nothing and returns null, and the caller
 * takes the general path (no-op, 409 with what changed since, 404) exactly as before.
 */
final class PatchStatement {
    /** Field types whose canonical, stored and wire values are the same string (or null). */
    private static final Set<FieldType> PLAIN = EnumSet.of(FieldType.TEXT, FieldType.LONG_TEXT, FieldType.EMAIL,
            FieldType.ENUM);

    /** How many writes took this statement; tests check that the path they mean to cover ran. */
    static final java.util.concurrent.atomic.AtomicLong WRITES = new java.util.concurrent.atomic.AtomicLong();

    private PatchStatement() {
    }

    /** Whether {@code changes} can be written by {@link #write}: at least one field, every one plain text. */
    static boolean applies(EntityKind kind, Map<String, Object> changes) {
        if (changes.isEmpty()) {
            return false;
        }
        for (Map.Entry<String, Object> e : changes.entrySet()) {
            FieldSpec f = kind.field(e.getKey()).orElse(null);
            if (f == null || !PLAIN.contains(f.type()) || !(e.getValue() == null || e.getValue() instanceof String)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Writes {@code changes} (which {@link #applies}) and their change-log row if the live record is at
     * {@code expectedVersion} and one of them changes its value; null when nothing was written.
     */
    static WriteOutcome.Written write(Connection c, EntityKind kind, String id, long expectedVersion,
                                      Map<String, Object> changes, String actor, Instant now) throws SQLException {
        EntityTable t = EntityTable.of(kind);
        // The fields in the kind's order: the log's elements come in that order, as RecordWriter.diff makes them.
        List<String> fields = new ArrayList<>(changes.size());
        for (FieldSpec f : kind.fields()) {
            if (changes.containsKey(f.name())) {
                fields.add(f.name());
            }
        }
        try (PreparedStatement ps = c.prepareStatement(sql(t, fields))) {
            int i = 1;
            for (String f : fields) {
                ps.setString(i++, (String) changes.get(f));
            }
            EntityTable.bindInstant(ps, i++, now);
            ps.setString(i++, actor);
            ps.setString(i++, id);
            ps.setLong(i++, expectedVersion);
            for (String f : fields) {
                ps.setString(i++, (String) changes.get(f));
            }
            ps.setString(i++, kind.path());
            ps.setString(i++, actor);
            EntityTable.bindInstant(ps, i++, now);
            ps.setString(i++, HistoryEntry.UPDATE);
            for (String f : fields) {
                ps.setString(i++, "{\"field\":" + json(f) + ",\"from\":");
                ps.setString(i++, ",\"to\":" + json(changes.get(f)) + "}");
            }
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                Entity after = t.read(rs);
                Map<String, Object> old = new LinkedHashMap<>();
                for (int k = 0; k < fields.size(); k++) {
                    old.put(fields.get(k), rs.getString("old_" + k));
                }
                List<FieldChange> diff = RecordWriter.diff(kind, FieldValues.of(old), changes, null);
                WRITES.incrementAndGet();
                return new WriteOutcome.Written(after, new HistoryEntry(rs.getLong("log_seq"), kind.path(), id,
                        after.version(), actor, now, HistoryEntry.UPDATE, diff, null));
            }
        }
    }

    /** The statement for {@code fields} (its text depends only on the kind and the fields, so it is cached per connection). */
    private static String sql(EntityTable t, List<String> fields) {
        StringBuilder sql = new StringBuilder("WITH upd AS (UPDATE ").append(t.table()).append(" AS r SET ");
        for (String f : fields) {
            sql.append(t.column(f)).append(" = ?, ");
        }
        sql.append("version = r.version + 1, updated_at = ?, updated_by = ? FROM ").append(t.table())
                .append(" AS o WHERE r.id = ? AND r.version = ? AND r.deleted_at IS NULL AND o.id = r.id")
                .append(" AND o.version = r.version AND (");
        for (int k = 0; k < fields.size(); k++) {
            sql.append(k == 0 ? "" : " OR ").append("o.").append(t.column(fields.get(k))).append(" IS DISTINCT FROM ?");
        }
        sql.append(") RETURNING ").append(t.selectColumns("r."));
        for (int k = 0; k < fields.size(); k++) {
            sql.append(", o.").append(t.column(fields.get(k))).append(" AS old_").append(k);
        }
        sql.append("), log AS (INSERT INTO change_log (entity, entity_id, version, actor, changed_at, kind, changes, reason)")
                .append(" SELECT ?, id, version, ?, ?, ?, '[' || concat_ws(','");
        for (int k = 0; k < fields.size(); k++) {
            // Only the fields whose value really changed, as RecordWriter.diff leaves out the others.
            sql.append(", CASE WHEN old_").append(k).append(" IS DISTINCT FROM ").append(t.column(fields.get(k)))
                    .append(" THEN ? || COALESCE(to_json(old_").append(k).append(")::text, 'null') || ? END");
        }
        return sql.append(") || ']', NULL FROM upd RETURNING seq) SELECT upd.*, log.seq AS log_seq FROM upd, log")
                .toString();
    }

    private static String json(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a string always serialises", e);
        }
    }
}
