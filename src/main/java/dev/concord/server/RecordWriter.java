package dev.concord.server;

import dev.concord.api.FieldChange;
import dev.concord.api.HistoryEntry;
import dev.concord.domain.Entity;
import dev.concord.domain.EntityKind;
import dev.concord.domain.FieldSpec;
import dev.concord.domain.FieldValues;
import dev.concord.domain.RecordMeta;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Writes to existing records: the optimistic {@link #update} (one conditional UPDATE decides whether it
 * lands; a refusal is logged and answered with what changed since) and an admin's forced {@link #override}.
 */
final class RecordWriter {
    /**
     * An override races only with other writes that land between reading the row and updating it; each
     * round loses only to a committed write, so a handful of rounds is plenty even under heavy load.
     */
    private static final int MAX_OVERRIDE_ROUNDS = 20;

    private final Database db;
    private final ServerClock clock;

    RecordWriter(Database db, ServerClock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * Applies {@code changes} (canonical values) if the record is still at {@code expectedVersion}.
     * On a refusal the current record is read in the same transaction, and the refusal is logged.
     *
     * <p>The usual case costs a narrow read (the version and the changed columns, for the log's {@code from})
     * and the UPDATE that returns the new row ({@link RowWrites}); anything unusual (a no-op, a stale or
     * unknown version) takes {@link #updateSlowly}, which reads whole rows.
     */
    WriteOutcome update(EntityKind kind, String id, long expectedVersion, Map<String, Object> changes, String actor,
                        RecordRepository.InTransaction hook) {
        IdempotentRequests.Answer keyed = hook.keyed();
        boolean onPostgres = db.onPostgres();
        if (onPostgres && keyed == null && hook.writesNothing() && PatchStatement.applies(kind, changes)) {
            // Plain text changes without a key: the read before is folded into the write, one round trip. When
            // it writes nothing (no-op, stale or unknown version, a race) the general path below decides.
            WriteOutcome.Written one = db.withoutTransaction(c -> PatchStatement.write(c, kind, id, expectedVersion,
                    changes, actor, clock.now()));
            if (one != null) {
                return one;
            }
        } else if (onPostgres && (keyed != null || hook.writesNothing())) {
            // The write is one statement (UPDATE, log row, the key's answer if any), atomic by itself, so no
            // BEGIN/COMMIT around it: 2 round trips with the read before it. Anything unusual starts over below,
            // in a transaction, as does a write whose hook has other work to do after it.
            WriteOutcome alone = db.withoutTransaction(c -> usual(c, kind, id, expectedVersion, changes, actor, keyed));
            if (alone != null) {
                return alone;
            }
        }
        return db.inTransaction(c -> {
            WriteOutcome usual = usual(c, kind, id, expectedVersion, changes, actor, keyed);
            if (usual == null) {
                return updateSlowly(c, kind, id, expectedVersion, changes, actor, hook);
            }
            if (usual instanceof WriteOutcome.Written written) {
                hook.afterWrite(c, written); // stores nothing when the write stored the key's answer itself
            }
            return usual;
        });
    }

    /**
     * The usual PATCH: a live record at the expected version that really changes. Null when it is not that case
     * or another write landed between the read and the UPDATE (nothing was written): the caller then takes
     * {@link #updateSlowly}. With a key ({@code keyed} not null) the read before also looks the key up (an answer
     * already stored is {@link WriteOutcome.AnsweredMeanwhile}) and the write stores the answer itself.
     */
    private WriteOutcome usual(java.sql.Connection c, EntityKind kind, String id, long expectedVersion,
                               Map<String, Object> changes, String actor, IdempotentRequests.Answer keyed)
            throws java.sql.SQLException {
        if (keyed != null) {
            return usualKeyed(c, kind, id, expectedVersion, changes, actor, keyed);
        }
        ReferenceChecks.check(c, kind, changes);
        Optional<RowWrites.Before> before = RowWrites.readBefore(c, kind, id,
                RowWrites.neededBefore(kind, changes.keySet()));
        if (before.isEmpty()) {
            return new WriteOutcome.NotFound();
        }
        MinorUnits.check(kind, before.get().values(), changes);
        List<FieldChange> diff = diff(kind, before.get().values(), changes, null);
        if (before.get().version() != expectedVersion || diff.isEmpty()) {
            return null;
        }
        return RowWrites.updateAndLog(c, kind, id, expectedVersion, changes, actor, clock.now(),
                HistoryEntry.UPDATE, diff, null, null);
    }

    /** {@link #usual} with an Idempotency-Key: the key looked up in the same read, its answer in the same write. */
    private WriteOutcome usualKeyed(java.sql.Connection c, EntityKind kind, String id, long expectedVersion,
                                    Map<String, Object> changes, String actor, IdempotentRequests.Answer keyed)
            throws java.sql.SQLException {
        RowWrites.KeyedBefore before = RowWrites.readBeforeKeyed(c, kind, id, keyed.actor(), keyed.key());
        Instant now = clock.now();
        if (before.stored() != null) {
            if (before.storedAt().isAfter(now.minus(IdempotencyStore.RETENTION))) {
                return new WriteOutcome.AnsweredMeanwhile(); // a retry (or a reuse): the route answers from the store
            }
            IdempotencyStore.deleteExpired(c, keyed.actor(), keyed.key(), now);
        }
        ReferenceChecks.check(c, kind, changes);
        Entity current = before.current();
        if (current == null) {
            return new WriteOutcome.NotFound();
        }
        MinorUnits.check(kind, current.values(), changes);
        List<FieldChange> diff = diff(kind, current.values(), changes, null);
        if (current.version() != expectedVersion || diff.isEmpty()) {
            return null;
        }
        Entity predicted = kind.create(new RecordMeta(id, expectedVersion + 1, current.createdAt(), now, actor),
                current.values().withAll(changes));
        IdempotencyStore.Claim claim = keyed.claimFor(predicted, now);
        WriteOutcome.Written written = RowWrites.updateAndLog(c, kind, id, expectedVersion, changes, actor, now,
                HistoryEntry.UPDATE, diff, null, claim);
        if (written != null) {
            keyed.stored(c, claim, predicted, written.entity());
        }
        return written;
    }

    /** The general case of {@link #update}, reading whole rows: a no-op, a version that is not the current one. */
    private WriteOutcome updateSlowly(java.sql.Connection c, EntityKind kind, String id, long expectedVersion,
                                      Map<String, Object> changes, String actor, RecordRepository.InTransaction hook)
            throws java.sql.SQLException {
        Optional<Entity> before = RecordRows.read(c, kind, id);
        if (before.isEmpty()) {
            return new WriteOutcome.NotFound();
        }
        if (before.get().version() == expectedVersion && diff(kind, before.get().values(), changes, null).isEmpty()) {
            // Nothing would change: no new version, no log row, no event, so no one else gets a 409 for it.
            WriteOutcome.Written unchanged = new WriteOutcome.Written(before.get(), null);
            hook.afterWrite(c, unchanged);
            return unchanged;
        }
        Instant now = clock.now();
        if (RecordRows.conditionalUpdate(c, kind, id, expectedVersion, changes, actor, now) == 1) {
            FieldValues base = VersionHistory.stateAt(c, before.get(), expectedVersion);
            List<FieldChange> diff = diff(kind, base, changes, null);
            HistoryEntry entry = ChangeLog.append(c, kind, id, expectedVersion + 1, actor, now,
                    HistoryEntry.UPDATE, diff, null);
            WriteOutcome.Written written = new WriteOutcome.Written(RecordRows.read(c, kind, id).orElseThrow(), entry);
            hook.afterWrite(c, written);
            return written;
        }
        return refuse(c, kind, id, expectedVersion, changes, actor, now, hook);
    }

    /** Zero rows updated: the record moved on or was never there. Tells which from what is there now. */
    private static WriteOutcome refuse(java.sql.Connection c, EntityKind kind, String id, long expectedVersion,
                                       Map<String, Object> changes, String actor, Instant now,
                                       RecordRepository.InTransaction hook) throws java.sql.SQLException {
        Optional<Entity> current = RecordRows.read(c, kind, id);
        if (current.isEmpty()) {
            return new WriteOutcome.NotFound();
        }
        if (hook.answeredMeanwhile(c)) {
            return new WriteOutcome.AnsweredMeanwhile();
        }
        Entity cur = current.get();
        List<FieldChange> refused = RefusedChanges.bounded(diff(kind, cur.values(), changes, null));
        ChangeLog.append(c, kind, id, cur.version(), actor, now, HistoryEntry.CONFLICT, refused, null);
        return new WriteOutcome.Conflict(cur, VersionHistory.changedSince(c, cur, expectedVersion));
    }

    /**
     * An admin's forced write: applies {@code changes} whatever the version, logged as an override with the
     * base (value at {@code baseVersion}, when given), theirs (value just before) and yours.
     */
    WriteOutcome override(EntityKind kind, String id, Long baseVersion, Map<String, Object> changes, String actor,
                          String reason, RecordRepository.InTransaction hook) {
        for (int round = 0; round < MAX_OVERRIDE_ROUNDS; round++) {
            WriteOutcome outcome = db.inTransaction(c -> {
                ReferenceChecks.check(c, kind, changes);
                Optional<Entity> before = RecordRows.read(c, kind, id);
                if (before.isEmpty()) {
                    return new WriteOutcome.NotFound();
                }
                Entity theirs = before.get();
                MinorUnits.check(kind, theirs.values(), changes);
                if (diff(kind, theirs.values(), changes, null).isEmpty()) {
                    WriteOutcome.Written unchanged = new WriteOutcome.Written(theirs, null);
                    hook.afterWrite(c, unchanged);
                    return unchanged;
                }
                Instant now = clock.now();
                FieldValues base = baseVersion == null || baseVersion < 1 || baseVersion > theirs.version()
                        ? null : VersionHistory.stateAt(c, theirs, baseVersion);
                List<FieldChange> diff = diff(kind, theirs.values(), changes, base);
                // Still the conditional UPDATE, on the version just read, so "theirs" in the log is exact.
                WriteOutcome.Written written = RowWrites.updateAndLog(c, kind, id, theirs.version(), changes, actor, now,
                        HistoryEntry.OVERRIDE, diff, reason, null);
                if (written == null) {
                    return null;
                }
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

    /** Field-level diff of {@code changes} against {@code from}, wire form, only fields that really change. */
    static List<FieldChange> diff(EntityKind kind, FieldValues from, Map<String, Object> changes, FieldValues base) {
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
}
