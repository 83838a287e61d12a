package dev.concord.server;

import dev.concord.api.ChangedField;
import dev.concord.api.FieldChange;
import dev.concord.api.HistoryEntry;
import dev.concord.api.WireValues;
import dev.concord.domain.Entity;
import dev.concord.domain.EntityKind;
import dev.concord.domain.FieldSpec;
import dev.concord.domain.FieldValues;
import dev.concord.domain.RecordMeta;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Rebuilds a record's past from its change log: the record at an earlier version, the values at a version
 * within a write's transaction, and what changed since a client's version (the body of a 409).
 */
final class VersionHistory {
    private final Database db;

    VersionHistory(Database db) {
        this.db = db;
    }

    /** The record as it was at {@code version}, rebuilt by walking the change log back from the current row. */
    Optional<Entity> versionAt(EntityKind kind, String id, long version) {
        return db.inTransaction(c -> {
            Optional<Entity> current = RecordRows.read(c, kind, id);
            if (current.isEmpty() || version < 1 || version > current.get().version()) {
                return Optional.empty();
            }
            Entity cur = current.get();
            if (version == cur.version()) {
                return Optional.of(cur);
            }
            List<HistoryEntry> later = ChangeLog.writesAfter(c, kind, id, version);
            FieldValues values = cur.values();
            for (int i = later.size() - 1; i >= 0; i--) {
                values = values.withAll(canonical(kind, later.get(i).changes(), true));
            }
            Instant updatedAt = cur.createdAt();
            String updatedBy = RecordRows.createdBy(c, kind, id);
            for (HistoryEntry e : ChangeLog.history(c, kind, id)) {
                if (e.version() == version && !HistoryEntry.CONFLICT.equals(e.kind())) {
                    updatedAt = e.at();
                    updatedBy = e.actor();
                    break;
                }
            }
            return Optional.of(kind.create(new RecordMeta(id, version, cur.createdAt(), updatedAt, updatedBy), values));
        });
    }

    /** The change log of one record, newest first; empty when the record does not exist. */
    Optional<List<HistoryEntry>> history(EntityKind kind, String id) {
        return db.inTransaction(c -> RecordRows.read(c, kind, id).isEmpty()
                ? Optional.empty() : Optional.of(ChangeLog.history(c, kind, id)));
    }

    /** One page of the change log, newest first, below {@code beforeSeq}; empty when the record does not exist. */
    Optional<List<HistoryEntry>> history(EntityKind kind, String id, Long beforeSeq, int limit) {
        return db.inTransaction(c -> RecordRows.read(c, kind, id).isEmpty()
                ? Optional.empty() : Optional.of(shown(c, kind, id, ChangeLog.historyPage(c, kind, id, beforeSeq, limit))));
    }

    /**
     * The rows as the history shows them: a refused write whose writer's next row on this record is a
     * committed write (update or override) was merged onto the newer version and saved, so it is shown as
     * {@link HistoryEntry#REBASED}, not as a conflict someone had to settle.
     */
    private static List<HistoryEntry> shown(Connection c, EntityKind kind, String id, List<HistoryEntry> rows)
            throws SQLException {
        List<HistoryEntry> out = new ArrayList<>(rows.size());
        for (HistoryEntry e : rows) {
            if (HistoryEntry.CONFLICT.equals(e.kind()) && !e.changes().isEmpty()
                    && ChangeLog.nextKindBy(c, kind, id, e.actor(), e.seq())
                    .filter(k -> HistoryEntry.UPDATE.equals(k) || HistoryEntry.OVERRIDE.equals(k)).isPresent()) {
                out.add(new HistoryEntry(e.seq(), e.entity(), e.id(), e.version(), e.actor(), e.at(),
                        HistoryEntry.REBASED, e.changes(), e.reason()));
            } else {
                out.add(e);
            }
        }
        return out;
    }

    /**
     * The field values at {@code version}, given a row read earlier in this transaction at a version at or
     * below it: writes committed in between are replayed forward from the change log.
     */
    static FieldValues stateAt(Connection c, Entity earlier, long version) throws SQLException {
        if (earlier.version() == version) {
            return earlier.values();
        }
        if (earlier.version() > version) {
            // Walk back instead: the row is newer than the wanted version.
            FieldValues values = earlier.values();
            List<HistoryEntry> later = ChangeLog.writesAfter(c, earlier.kind(), earlier.id(), version);
            for (int i = later.size() - 1; i >= 0; i--) {
                if (later.get(i).version() <= earlier.version()) {
                    values = values.withAll(canonical(earlier.kind(), later.get(i).changes(), true));
                }
            }
            return values;
        }
        FieldValues values = earlier.values();
        for (HistoryEntry e : ChangeLog.writesAfter(c, earlier.kind(), earlier.id(), earlier.version())) {
            if (e.version() <= version) {
                values = values.withAll(canonical(earlier.kind(), e.changes(), false));
            }
        }
        return values;
    }

    /** For each field changed after {@code clientVersion}: its value then, now, who changed it last and when. */
    static List<ChangedField> changedSince(Connection c, Entity current, long clientVersion) throws SQLException {
        EntityKind kind = current.kind();
        Map<String, Object> baseWire = new LinkedHashMap<>();
        Map<String, HistoryEntry> lastChange = new LinkedHashMap<>();
        for (HistoryEntry e : ChangeLog.writesAfter(c, kind, current.id(), clientVersion)) {
            for (FieldChange fc : e.changes()) {
                baseWire.putIfAbsent(fc.field(), fc.from());
                lastChange.put(fc.field(), e);
            }
        }
        Map<String, Object> currentWire = WireValues.toWire(kind, current.values().asMap());
        List<ChangedField> out = new ArrayList<>();
        for (FieldSpec f : kind.fields()) {
            if (!baseWire.containsKey(f.name())) {
                continue;
            }
            Object base = baseWire.get(f.name());
            Object now = currentWire.get(f.name());
            if (Objects.equals(base, now)) {
                continue; // changed and changed back: nothing for the client to reconcile
            }
            HistoryEntry last = lastChange.get(f.name());
            out.add(new ChangedField(f.name(), base, now, last.actor(), last.at()));
        }
        return out;
    }

    private static Map<String, Object> canonical(EntityKind kind, List<FieldChange> changes, boolean takeFrom) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (FieldChange fc : changes) {
            FieldSpec f = kind.requireField(fc.field());
            Object wire = takeFrom ? fc.from() : fc.to();
            out.put(fc.field(), wire == null ? null : f.parse(wire));
        }
        return out;
    }
}
