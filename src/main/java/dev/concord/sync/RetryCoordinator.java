package dev.concord.sync;

import dev.concord.api.FieldError;
import dev.concord.client.ConcordApi;
import dev.concord.domain.Entity;
import dev.concord.domain.EntityKind;
import dev.concord.domain.FieldValues;
import dev.concord.merge.ThreeWayMerge;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Saves an agent's edit: sends only the fields the agent changed with the base version; on a version
 * conflict merges three ways against the current record and retries with backoff when the merge is
 * clean; hands true conflicts to the {@link ConflictStore}. Blocking; never call on the FX thread.
 * Thread-safe: one coordinator may serve many saves at once. This class is the entry points (save, resolve a
 * stored conflict, retry or keep a pending edit); one save's sends and retries are a {@link SaveRun}, the base
 * of an edit kept on a never-fetched record is found by {@link PendingBase}.
 *
 * <p>Idempotency: one key per logical request. Every resend of the same body (after a timeout, a
 * refused connection, a 429/503, or later from the pending list) reuses it, so a write whose answer was
 * lost is not applied twice; a rebase after a 409 sends a different body and gets a new key.
 */
public final class RetryCoordinator {
    private static final Logger LOG = LoggerFactory.getLogger(RetryCoordinator.class);
    /** ThreadLocalRandom per call: a shared generator would need a lock on every jitter. */
    private static final RandomGenerator THREAD_LOCAL_RANDOM = () -> ThreadLocalRandom.current().nextLong();

    private final SaveContext ctx;
    /** The actor of the API's token, once asked. */
    private volatile String me;

    /** The product's coordinator: default policy, system clock, real sleeps. */
    public RetryCoordinator(ConcordApi api, ConflictStore store) {
        this(api, store, RetryPolicy.defaults(), Clock.systemUTC(), Sleeper.SYSTEM, THREAD_LOCAL_RANDOM);
    }

    /** Everything injectable, so tests are exact and never sleep. {@code random} drives the jitter. */
    public RetryCoordinator(ConcordApi api, ConflictStore store, RetryPolicy policy, Clock clock, Sleeper sleeper,
                            RandomGenerator random) {
        this(api, store, policy, clock, sleeper, random, ThreeWayMerge::merge);
    }

    RetryCoordinator(ConcordApi api, ConflictStore store, RetryPolicy policy, Clock clock, Sleeper sleeper,
                     RandomGenerator random, RecordMerger merger) {
        this.ctx = new SaveContext(Objects.requireNonNull(api, "api"), Objects.requireNonNull(store, "store"),
                Objects.requireNonNull(policy, "policy"), Objects.requireNonNull(clock, "clock"),
                Objects.requireNonNull(sleeper, "sleeper"), Objects.requireNonNull(random, "random"),
                Objects.requireNonNull(merger, "merger"), this::me);
    }

    /** Who the API's token stands for, asked once (only when a save merged others' changes); null if unknown. */
    private String me() {
        String known = me;
        if (known == null) {
            try {
                known = ctx.api().whoAmI().actor();
                me = known;
            } catch (RuntimeException e) {
                LOG.debug("could not ask who this is; merged changes keep their authors as sent", e);
            }
        }
        return known;
    }

    public ConflictStore store() {
        return ctx.store();
    }

    public ConcordApi api() {
        return ctx.api();
    }

    /**
     * Saves {@code mine} (the agent's edited field values, all of them or only the changed ones) made on
     * top of {@code base}. Nothing changed: Saved without a call.
     */
    public SaveOutcome save(Entity base, FieldValues mine) {
        List<FieldError> unknown = unknownFields(base.kind(), mine);
        if (!unknown.isEmpty()) {
            return new SaveOutcome.Failed(Reason.of(Reason.Code.UNKNOWN_FIELDS, unknown.get(0).message()), unknown);
        }
        FieldValues intent = base.values().withAll(mine.only(mine.changedFrom(base.values())));
        return new SaveRun(ctx, base, intent, null, null).run();
    }

    /**
     * Writes a person's resolution of a stored conflict with theirs' version as the base. Fields missing
     * from {@code resolution} keep the conflict's merged-so-far value. On success the conflict leaves the
     * store. If the record moved again, the resolution is rebased like any save when that merges cleanly;
     * if someone changed a decided field again, the stored conflict is refreshed with the new theirs and
     * returned as NeedsResolution.
     */
    public SaveOutcome resolve(String conflictId, FieldValues resolution) {
        ConflictStore store = ctx.store();
        Conflict conflict = store.conflict(conflictId).orElse(null);
        if (conflict == null) {
            return new SaveOutcome.Failed(Reason.about(Reason.Code.NO_SUCH_CONFLICT, conflictId, "No stored conflict " + conflictId));
        }
        List<FieldError> unknown = unknownFields(conflict.kind(), resolution);
        if (!unknown.isEmpty()) {
            return new SaveOutcome.Failed(Reason.of(Reason.Code.UNKNOWN_FIELDS, unknown.get(0).message()), unknown);
        }
        FieldValues intent = conflict.mergedSoFar().withAll(resolution.asMap());
        SaveOutcome outcome = new SaveRun(ctx, conflict.theirs(), intent, conflict, null).run();
        if (outcome instanceof SaveOutcome.Saved || outcome instanceof SaveOutcome.Pending) {
            // Saved, or the decision now waits as a pending edit: either way the person is done with it.
            store.removeConflict(conflictId);
        }
        return outcome;
    }

    /** Retries a pending edit (kept while the server was unreachable) with its original idempotency key. */
    public SaveOutcome retryPending(String pendingId) {
        ConflictStore store = ctx.store();
        PendingEdit edit = store.pendingEdit(pendingId).orElse(null);
        if (edit == null) {
            return new SaveOutcome.Failed(Reason.about(Reason.Code.NO_SUCH_PENDING, pendingId, "No pending edit " + pendingId));
        }
        if (!edit.baseKnown()) {
            SaveOutcome resolved = PendingBase.find(ctx.api(), store, edit);
            if (resolved != null) {
                return resolved;
            }
            edit = store.pendingEdit(pendingId).orElseThrow();
        }
        SaveRun save = new SaveRun(ctx, edit.base(), edit.mine(), null, edit);
        SaveOutcome outcome = save.run();
        if (outcome instanceof SaveOutcome.Saved || outcome instanceof SaveOutcome.NeedsResolution) {
            store.removePending(pendingId);
        } else if (outcome instanceof SaveOutcome.Failed failed) {
            if (save.permanentFailure()) {
                LOG.warn("Dropping pending edit {} of {}/{}: {}", pendingId, edit.kind().path(), edit.entityId(),
                        failed.reason());
                store.removePending(pendingId);
            } else {
                store.putPending(new PendingEdit(edit.pendingId(), edit.kind(), edit.entityId(), edit.base(),
                        edit.mine(), edit.idempotencyKey(), edit.createdAt(), failed.reason()));
            }
        }
        // Pending: the run already replaced it under the same id with the new error.
        return outcome;
    }

    /**
     * Keeps an edit made offline on a record never fetched: only the fields given, base unknown. Its retry
     * applies them to the record as it was when the edit was made, so a field someone changed since then
     * becomes a conflict showing what the edit would overwrite.
     */
    public SaveOutcome.Pending keepUnfetched(EntityKind kind, String id, FieldValues given, Reason reason) {
        PendingEdit edit = new PendingEdit("p-" + SaveContext.newKey().substring(0, 8), kind, id, null, given,
                SaveContext.newKey(), ctx.clock().instant(), reason);
        ctx.store().putPending(edit);
        LOG.info("Kept the edit of never-fetched {}/{} as pending {}: {}", kind.path(), id, edit.pendingId(), reason);
        return new SaveOutcome.Pending(edit, reason);
    }

    private static List<FieldError> unknownFields(EntityKind kind, FieldValues values) {
        List<FieldError> errors = new ArrayList<>();
        for (String name : values.asMap().keySet()) {
            if (kind.field(name).isEmpty()) {
                errors.add(new FieldError(name, "UNKNOWN_FIELD", "A " + kind.singular() + " has no field " + name));
            }
        }
        return errors;
    }

    /** 500, 502, 503, 504: a fault of the server or what is in front of it, worth the same request again. */
    static boolean isServerFault(int status) {
        return status == 500 || status == 502 || status == 503 || status == 504;
    }
}
