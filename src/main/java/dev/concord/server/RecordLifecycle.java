package dev.concord.server;

import dev.concord.api.Dependents;
import dev.concord.api.DeletedRecord;
import dev.concord.api.FieldChange;
import dev.concord.api.HistoryEntry;
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
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Creating, retiring (soft delete) and restoring records, each with its change-log row in the same
 * transaction. The connection-level methods are what the API and the importer share, so an imported row
 * is written exactly as a POST would write it.
 *
 * <p>Retiring refuses while live records point to the record (invoices to a subscription, subscriptions to
 * a plan) and names them: nothing vanishes from under an invoice. Retire the dependents first.
 */
final class RecordLifecycle {
    /** How many dependent ids a refusal names; the count covers the rest. */
    private static final int NAMED_DEPENDENTS = 20;

    private final Database db;
    private final ServerClock clock;

    RecordLifecycle(Database db, ServerClock clock) {
        this.db = db;
        this.clock = clock;
    }

    LifecycleOutcome create(EntityKind kind, CreateInput input, String actor, RecordRepository.InTransaction hook) {
        IdempotentRequests.Answer keyed = hook.keyed();
        boolean alone = db.onPostgres();
        if (keyed != null || (alone && hook.writesNothing())) {
            // On PostgreSQL the write is one statement (INSERT, log row, the key's answer if any), atomic by
            // itself, so no BEGIN/COMMIT around it (issue 16): one round trip; on H2 one transaction. The key is not
            // looked up first: a retry's answer already stored makes the write fail on the key (nothing written)
            // and the route answers from the store; an id taken (a retry that named its id) writes nothing and is
            // asked about below.
            String id = input.id() != null ? input.id() : CreateInput.newId(kind);
            Database.Work<LifecycleOutcome> write = c -> createKeyed(c, kind, id, input.values(), actor, keyed);
            try {
                return alone ? db.withoutTransaction(write) : db.inTransaction(write);
            } catch (StorageException e) {
                // An answer past its retention still holds the key: forget it and write once more.
                if (keyed == null || !IdempotencyStore.isUniqueViolation(e) || !db.withoutTransaction(c ->
                        IdempotencyStore.deleteExpired(c, keyed.actor(), keyed.key(), clock.now()))) {
                    throw e;
                }
                return alone ? db.withoutTransaction(write) : db.inTransaction(write);
            }
        }
        return db.inTransaction(c -> {
            String id = input.id() != null ? input.id() : CreateInput.newId(kind);
            LifecycleOutcome out = create(c, kind, id, input.values(), actor, clock.now());
            if (out instanceof LifecycleOutcome.Written w) {
                hook.afterWrite(c, new WriteOutcome.Written(w.entity(), w.entry()));
            } else if (out instanceof LifecycleOutcome.AlreadyExists && hook.answeredMeanwhile(c)) {
                return new LifecycleOutcome.AnsweredMeanwhile();
            }
            return out;
        });
    }

    /** The create that stores {@code keyed}'s answer (when not null) with it: in the same statement on PostgreSQL. */
    private LifecycleOutcome createKeyed(Connection c, EntityKind kind, String id, FieldValues values, String actor,
                                         IdempotentRequests.Answer keyed) throws SQLException {
        Instant now = clock.now();
        if (keyed == null) {
            return create(c, kind, id, values, actor, now, null);
        }
        // Every field, as the INSERT binds it and the row reads back (an absent field is stored as null).
        java.util.Map<String, Object> stored = new java.util.LinkedHashMap<>();
        for (FieldSpec f : kind.fields()) {
            stored.put(f.name(), values.get(f.name()));
        }
        Entity predicted = kind.create(new RecordMeta(id, 1, now, now, actor), FieldValues.of(stored));
        IdempotencyStore.Claim claim = keyed.claimFor(predicted, now);
        LifecycleOutcome out = create(c, kind, id, values, actor, now, claim);
        if (out instanceof LifecycleOutcome.Written w) {
            keyed.stored(c, claim, predicted, w.entity());
        } else if (out instanceof LifecycleOutcome.AlreadyExists && keyed.answeredMeanwhile(c)) {
            return new LifecycleOutcome.AnsweredMeanwhile();
        }
        return out;
    }

    /** Inserts the record at version 1 with a {@code create} row listing every field, on the caller's transaction. */
    static LifecycleOutcome create(Connection c, EntityKind kind, String id, FieldValues values, String actor,
                                   Instant now) throws SQLException {
        return create(c, kind, id, values, actor, now, null);
    }

    private static LifecycleOutcome create(Connection c, EntityKind kind, String id, FieldValues values, String actor,
                                           Instant now, IdempotencyStore.Claim claim) throws SQLException {
        boolean postgres = RowWrites.isPostgres(c);
        if (!postgres) {
            ReferenceChecks.check(c, kind, values.asMap()); // on PostgreSQL the INSERT checks them itself
        }
        if (!postgres && RecordRows.exists(c, kind, id, false)) {
            return new LifecycleOutcome.AlreadyExists(id, RecordRows.read(c, kind, id).orElse(null));
        }
        List<FieldChange> changes = new ArrayList<>();
        for (FieldSpec f : kind.fields()) {
            Object v = values.get(f.name());
            if (v != null && !(v instanceof Collection<?> col && col.isEmpty()) && !"".equals(v)) {
                changes.add(new FieldChange(f.name(), null, f.toWire(v)));
            }
        }
        // The stored row comes back from the INSERT itself (no read after it), with its log row (issue 16).
        WriteOutcome.Written w = RowWrites.insertAndLog(c, kind, id, values, actor, now, changes, claim);
        if (w == null) {
            // PostgreSQL's INSERT wrote nothing: a reference is not live (refused as on H2) or ON CONFLICT DO NOTHING
            // found the id taken (live or retired).
            ReferenceChecks.check(c, kind, values.asMap());
            return new LifecycleOutcome.AlreadyExists(id, RecordRows.read(c, kind, id).orElse(null));
        }
        return new LifecycleOutcome.Written(w.entity(), w.entry());
    }

    /** The record if it is live. */
    Optional<Entity> live(EntityKind kind, String id) {
        return db.inTransaction(c -> RecordRows.read(c, kind, id));
    }

    /** Retires the record if it is live at {@code expectedVersion} and nothing live points to it. */
    LifecycleOutcome delete(EntityKind kind, String id, long expectedVersion, String actor) {
        return db.inTransaction(c -> {
            Optional<Entity> live = RecordRows.read(c, kind, id);
            if (live.isEmpty()) {
                return new LifecycleOutcome.NotFound();
            }
            Instant now = clock.now();
            if (live.get().version() != expectedVersion) {
                return stale(c, live.get(), expectedVersion, actor, now);
            }
            List<Dependents> dependents = dependents(c, kind, id);
            if (!dependents.isEmpty()) {
                return new LifecycleOutcome.HasDependents(dependents);
            }
            EntityTable t = EntityTable.of(kind);
            int rows;
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + t.table() + " SET deleted_at = ?, deleted_by = ?,"
                    + " version = version + 1, updated_at = ?, updated_by = ? WHERE id = ? AND version = ?"
                    + " AND deleted_at IS NULL")) {
                EntityTable.bindInstant(ps, 1, now);
                ps.setString(2, actor);
                EntityTable.bindInstant(ps, 3, now);
                ps.setString(4, actor);
                ps.setString(5, id);
                ps.setLong(6, expectedVersion);
                rows = ps.executeUpdate();
            }
            if (rows == 0) {
                // Another write landed between the read and the UPDATE.
                Optional<Entity> now2 = RecordRows.read(c, kind, id);
                return now2.isEmpty() ? new LifecycleOutcome.NotFound() : stale(c, now2.get(), expectedVersion, actor, now);
            }
            HistoryEntry entry = ChangeLog.append(c, kind, id, expectedVersion + 1, actor, now, HistoryEntry.DELETE,
                    List.of(), null);
            return new LifecycleOutcome.Deleted(new DeletedRecord(kind.path(), id, expectedVersion + 1, now, actor), entry);
        });
    }

    /** Brings a retired record back (admins), logged as {@code restore} with the reason. */
    LifecycleOutcome restore(EntityKind kind, String id, String actor, String reason) {
        return db.inTransaction(c -> {
            Optional<Entity> any = RecordRows.readAny(c, kind, id);
            if (any.isEmpty()) {
                return new LifecycleOutcome.NotFound();
            }
            Optional<Entity> live = RecordRows.read(c, kind, id);
            if (live.isPresent()) {
                return new LifecycleOutcome.NotDeleted(live.get());
            }
            // A restored invoice must not point to a subscription that is itself retired.
            ReferenceChecks.check(c, kind, any.get().values().asMap());
            Instant now = clock.now();
            EntityTable t = EntityTable.of(kind);
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + t.table() + " SET deleted_at = NULL,"
                    + " deleted_by = NULL, version = version + 1, updated_at = ?, updated_by = ? WHERE id = ?"
                    + " AND deleted_at IS NOT NULL")) {
                EntityTable.bindInstant(ps, 1, now);
                ps.setString(2, actor);
                ps.setString(3, id);
                if (ps.executeUpdate() == 0) {
                    return new LifecycleOutcome.NotDeleted(RecordRows.read(c, kind, id).orElse(any.get()));
                }
            }
            Entity restored = RecordRows.read(c, kind, id).orElseThrow();
            HistoryEntry entry = ChangeLog.append(c, kind, id, restored.version(), actor, now, HistoryEntry.RESTORE,
                    List.of(), reason);
            return new LifecycleOutcome.Written(restored, entry);
        });
    }

    private static LifecycleOutcome stale(Connection c, Entity current, long expectedVersion, String actor, Instant now)
            throws SQLException {
        // Logged like a refused edit, so the history shows who tried to retire which version.
        ChangeLog.append(c, current.kind(), current.id(), current.version(), actor, now, HistoryEntry.CONFLICT,
                List.of(), "delete based on version " + expectedVersion);
        return new LifecycleOutcome.Stale(current, VersionHistory.changedSince(c, current, expectedVersion));
    }

    /** Live records that refer to {@code id}. */
    static List<Dependents> dependents(Connection c, EntityKind kind, String id) throws SQLException {
        List<Dependents> out = new ArrayList<>();
        switch (kind) {
            case SUBSCRIPTION -> addDependents(c, EntityKind.INVOICE, "subscriptionId", id, out);
            case PLAN -> addDependents(c, EntityKind.SUBSCRIPTION, "planId", id, out);
            case INVOICE -> { }
        }
        return out;
    }

    private static void addDependents(Connection c, EntityKind from, String field, String id,
                                      List<Dependents> out) throws SQLException {
        EntityTable t = EntityTable.of(from);
        String where = " FROM " + t.table() + " WHERE " + t.column(field) + " = ? AND deleted_at IS NULL";
        long count;
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*)" + where)) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                count = rs.getLong(1);
            }
        }
        if (count == 0) {
            return;
        }
        List<String> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id" + where + " ORDER BY id LIMIT " + NAMED_DEPENDENTS)) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        out.add(new Dependents(from.path(), field, count, ids));
    }
}
