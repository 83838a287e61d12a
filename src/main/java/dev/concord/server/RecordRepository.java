package dev.concord.server;

import dev.concord.api.ChangedField;
import dev.concord.api.FieldChange;
import dev.concord.api.FieldError;
import dev.concord.api.HistoryEntry;
import dev.concord.api.ValidationException;
import dev.concord.api.WireValues;
import dev.concord.domain.Entity;
import dev.concord.domain.EntityKind;
import dev.concord.domain.FieldSpec;
import dev.concord.domain.FieldValues;
import dev.concord.domain.RecordMeta;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Versioned records in plain JDBC. The heart of the product is {@link #update}: one conditional UPDATE
 * ({@code ... WHERE id = ? AND version = ?}) decides whether a write lands, so two writers can never both
 * win with the same base, whatever the number of server instances on the database.
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

        InTransaction NONE = new InTransaction() {
            @Override
            public void afterWrite(Connection c, WriteOutcome.Written written) {
            }

            @Override
            public boolean answeredMeanwhile(Connection c) {
                return false;
            }
        };
    }

    /**
     * An override races only with other writes that land between reading the row and updating it; each
     * round loses only to a committed write, so a handful of rounds is plenty even under heavy load.
     */
    private static final int MAX_OVERRIDE_ROUNDS = 20;

    private final Database db;
    private final ServerClock clock;

    RecordRepository(Database db, ServerClock clock) {
        this.db = db;
        this.clock = clock;
    }

    Optional<Entity> find(EntityKind kind, String id) {
        return db.inTransaction(c -> read(c, kind, id));
    }

    RecordPage list(EntityKind kind, String q, String status, int limit, String afterId) {
        EntityTable t = EntityTable.of(kind);
        StringBuilder sql = new StringBuilder("SELECT " + t.selectColumns() + " FROM " + t.table() + " WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (q != null && !q.isBlank()) {
            List<String> searched = searchedColumns(kind);
            sql.append(" AND (");
            for (int i = 0; i < searched.size(); i++) {
                sql.append(i == 0 ? "" : " OR ").append("LOWER(").append(searched.get(i)).append(") LIKE ? ESCAPE '!'");
                params.add("%" + likeEscape(q.trim().toLowerCase(java.util.Locale.ROOT)) + "%");
            }
            sql.append(")");
        }
        if (status != null) {
            sql.append(" AND status = ?");
            params.add(status);
        }
        if (afterId != null) {
            sql.append(" AND id > ?");
            params.add(afterId);
        }
        sql.append(" ORDER BY id LIMIT ?");
        params.add(limit + 1);
        return db.inTransaction(c -> {
            List<Entity> items = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < params.size(); i++) {
                    ps.setObject(i + 1, params.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        items.add(t.read(rs));
                    }
                }
            }
            if (items.size() > limit) {
                List<Entity> page = items.subList(0, limit);
                return new RecordPage(List.copyOf(page), page.get(limit - 1).id());
            }
            return new RecordPage(items, null);
        });
    }

    /**
     * Applies {@code changes} (canonical values) if the record is still at {@code expectedVersion}.
     * On a refusal the current record is read in the same transaction, and the refusal is logged.
     */
    WriteOutcome update(EntityKind kind, String id, long expectedVersion, Map<String, Object> changes, String actor,
                        InTransaction hook) {
        return db.inTransaction(c -> {
            checkReferences(c, kind, changes);
            Optional<Entity> before = read(c, kind, id);
            if (before.isEmpty()) {
                return new WriteOutcome.NotFound();
            }
            Instant now = clock.now();
            if (conditionalUpdate(c, kind, id, expectedVersion, changes, actor, now) == 1) {
                FieldValues base = stateAt(c, before.get(), expectedVersion);
                List<FieldChange> diff = diff(kind, base, changes, null);
                HistoryEntry entry = ChangeLog.append(c, kind, id, expectedVersion + 1, actor, now,
                        HistoryEntry.UPDATE, diff, null);
                WriteOutcome.Written written = new WriteOutcome.Written(read(c, kind, id).orElseThrow(), entry);
                hook.afterWrite(c, written);
                return written;
            }
            // Zero rows: the record moved on or was never there. Tell which from what is there now.
            Optional<Entity> current = read(c, kind, id);
            if (current.isEmpty()) {
                return new WriteOutcome.NotFound();
            }
            if (hook.answeredMeanwhile(c)) {
                return new WriteOutcome.AnsweredMeanwhile();
            }
            Entity cur = current.get();
            List<FieldChange> refused = diff(kind, cur.values(), changes, null);
            ChangeLog.append(c, kind, id, cur.version(), actor, now, HistoryEntry.CONFLICT, refused, null);
            return new WriteOutcome.Conflict(cur, changedSince(c, cur, expectedVersion));
        });
    }

    /**
     * An admin's forced write: applies {@code changes} whatever the version, logged as an override with the
     * base (value at {@code baseVersion}, when given), theirs (value just before) and yours.
     */
    WriteOutcome override(EntityKind kind, String id, Long baseVersion, Map<String, Object> changes, String actor,
                          String reason, InTransaction hook) {
        for (int round = 0; round < MAX_OVERRIDE_ROUNDS; round++) {
            WriteOutcome outcome = db.inTransaction(c -> {
                checkReferences(c, kind, changes);
                Optional<Entity> before = read(c, kind, id);
                if (before.isEmpty()) {
                    return new WriteOutcome.NotFound();
                }
                Entity theirs = before.get();
                Instant now = clock.now();
                // Still the conditional UPDATE, on the version just read, so "theirs" in the log is exact.
                if (conditionalUpdate(c, kind, id, theirs.version(), changes, actor, now) == 0) {
                    return null;
                }
                FieldValues base = baseVersion == null || baseVersion < 1 || baseVersion > theirs.version()
                        ? null : stateAt(c, theirs, baseVersion);
                List<FieldChange> diff = diff(kind, theirs.values(), changes, base);
                HistoryEntry entry = ChangeLog.append(c, kind, id, theirs.version() + 1, actor, now,
                        HistoryEntry.OVERRIDE, diff, reason);
                WriteOutcome.Written written = new WriteOutcome.Written(read(c, kind, id).orElseThrow(), entry);
                hook.afterWrite(c, written);
                return written;
            });
            if (outcome != null) {
                return outcome;
            }
        }
        throw new IllegalStateException("override of " + kind.singular() + " " + id + " lost "
                + MAX_OVERRIDE_ROUNDS + " races in a row");
    }

    /** The record as it was at {@code version}, rebuilt by walking the change log back from the current row. */
    Optional<Entity> versionAt(EntityKind kind, String id, long version) {
        return db.inTransaction(c -> {
            Optional<Entity> current = read(c, kind, id);
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
            String updatedBy = createdBy(c, kind, id);
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
        return db.inTransaction(c -> read(c, kind, id).isEmpty()
                ? Optional.empty() : Optional.of(ChangeLog.history(c, kind, id)));
    }

    /** Inserts a new record at version 1 (seeding); no change-log row, version 1 is the record as created. */
    void insert(Connection c, EntityKind kind, String id, FieldValues values, String actor, Instant at)
            throws SQLException {
        EntityTable t = EntityTable.of(kind);
        List<String> fields = kind.fields().stream().map(FieldSpec::name).toList();
        StringBuilder sql = new StringBuilder("INSERT INTO " + t.table() + " (id");
        for (String f : fields) {
            sql.append(", ").append(t.column(f));
        }
        sql.append(", version, created_at, created_by, updated_at, updated_by) VALUES (?");
        sql.append(", ?".repeat(fields.size())).append(", 1, ?, ?, ?, ?)");
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int i = 1;
            ps.setString(i++, id);
            for (String f : fields) {
                t.bind(ps, i++, f, values.get(f));
            }
            EntityTable.bindInstant(ps, i++, at);
            ps.setString(i++, actor);
            EntityTable.bindInstant(ps, i++, at);
            ps.setString(i, actor);
            ps.executeUpdate();
        }
    }

    long count(Connection c, EntityKind kind) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + EntityTable.of(kind).table());
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** THE write: one statement that both checks the version and applies the change. */
    private static int conditionalUpdate(Connection c, EntityKind kind, String id, long expectedVersion,
                                         Map<String, Object> changes, String actor, Instant now) throws SQLException {
        EntityTable t = EntityTable.of(kind);
        StringBuilder sql = new StringBuilder("UPDATE " + t.table() + " SET ");
        for (String field : changes.keySet()) {
            sql.append(t.column(field)).append(" = ?, ");
        }
        sql.append("version = version + 1, updated_at = ?, updated_by = ? WHERE id = ? AND version = ?");
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int i = 1;
            for (Map.Entry<String, Object> e : changes.entrySet()) {
                t.bind(ps, i++, e.getKey(), e.getValue());
            }
            EntityTable.bindInstant(ps, i++, now);
            ps.setString(i++, actor);
            ps.setString(i++, id);
            ps.setLong(i, expectedVersion);
            return ps.executeUpdate();
        }
    }

    private static Optional<Entity> read(Connection c, EntityKind kind, String id) throws SQLException {
        EntityTable t = EntityTable.of(kind);
        try (PreparedStatement ps = c.prepareStatement("SELECT " + t.selectColumns() + " FROM " + t.table()
                + " WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(t.read(rs)) : Optional.empty();
            }
        }
    }

    private static String createdBy(Connection c, EntityKind kind, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT created_by FROM " + EntityTable.of(kind).table()
                + " WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /**
     * The field values at {@code version}, given a row read earlier in this transaction at a version at or
     * below it: writes committed in between are replayed forward from the change log.
     */
    private static FieldValues stateAt(Connection c, Entity earlier, long version) throws SQLException {
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
    private static List<ChangedField> changedSince(Connection c, Entity current, long clientVersion)
            throws SQLException {
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

    /** Field-level diff of {@code changes} against {@code from}, wire form, only fields that really change. */
    private static List<FieldChange> diff(EntityKind kind, FieldValues from, Map<String, Object> changes,
                                          FieldValues base) {
        List<FieldChange> out = new ArrayList<>();
        for (FieldSpec f : kind.fields()) {
            if (!changes.containsKey(f.name())) {
                continue;
            }
            Object old = from.get(f.name());
            Object neu = changes.get(f.name());
            if (!Objects.equals(old, neu)) {
                out.add(new FieldChange(f.name(), f.toWire(old), f.toWire(neu),
                        base == null ? null : f.toWire(base.get(f.name()))));
            }
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

    /** References must name records that exist; the client gets a 422 naming the field otherwise. */
    private static void checkReferences(Connection c, EntityKind kind, Map<String, Object> changes)
            throws SQLException {
        List<FieldError> errors = new ArrayList<>();
        checkReference(c, changes, "planId", kind == EntityKind.SUBSCRIPTION, EntityKind.PLAN, errors);
        checkReference(c, changes, "subscriptionId", kind == EntityKind.INVOICE, EntityKind.SUBSCRIPTION, errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    private static void checkReference(Connection c, Map<String, Object> changes, String field, boolean applies,
                                       EntityKind target, List<FieldError> errors) throws SQLException {
        if (!applies || !(changes.get(field) instanceof String ref)) {
            return;
        }
        if (read(c, target, ref).isEmpty()) {
            errors.add(new FieldError(field, "INVALID_VALUE", "There is no " + target.singular() + " " + ref));
        }
    }

    private static List<String> searchedColumns(EntityKind kind) {
        return switch (kind) {
            case SUBSCRIPTION -> List.of("id", "customer_name", "customer_email", "notes");
            case PLAN -> List.of("id", "name", "tier");
            case INVOICE -> List.of("id", "invoice_number", "subscription_id", "notes");
        };
    }

    private static String likeEscape(String s) {
        return s.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
