package dev.concord.sync;

import dev.concord.api.ChangedField;
import dev.concord.api.FieldError;
import dev.concord.client.ApiException;
import dev.concord.client.AuthException;
import dev.concord.client.ConcordApi;
import dev.concord.client.NotFoundException;
import dev.concord.client.PatchCall;
import dev.concord.client.RateLimitedException;
import dev.concord.client.ServerUnreachableException;
import dev.concord.client.SessionExpiredException;
import dev.concord.client.ValidationFailedException;
import dev.concord.client.VersionConflictException;
import dev.concord.domain.Entity;
import dev.concord.domain.EntityKind;
import dev.concord.domain.FieldSpec;
import dev.concord.domain.FieldValues;
import dev.concord.merge.MergeResult;
import dev.concord.merge.ThreeWayMerge;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Saves an agent's edit: sends only the fields the agent changed with the base version; on a version
 * conflict merges three ways against the current record and retries with backoff when the merge is
 * clean; hands true conflicts to the {@link ConflictStore}. Blocking; never call on the FX thread.
 * Thread-safe: one coordinator may serve many saves at once.
 *
 * <p>Idempotency: one key per logical request. Every resend of the same body (after a timeout, a
 * refused connection, a 429/503, or later from the pending list) reuses it, so a write whose answer was
 * lost is not applied twice; a rebase after a 409 sends a different body and gets a new key.
 */
public final class RetryCoordinator {
    private static final Logger LOG = LoggerFactory.getLogger(RetryCoordinator.class);
    /** ThreadLocalRandom per call: a shared generator would need a lock on every jitter. */
    private static final RandomGenerator THREAD_LOCAL_RANDOM = () -> ThreadLocalRandom.current().nextLong();

    private final ConcordApi api;
    private final ConflictStore store;
    private final RetryPolicy policy;
    private final Clock clock;
    private final Sleeper sleeper;
    private final RandomGenerator random;
    private final RecordMerger merger;
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
        this.api = Objects.requireNonNull(api, "api");
        this.store = Objects.requireNonNull(store, "store");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.random = Objects.requireNonNull(random, "random");
        this.merger = Objects.requireNonNull(merger, "merger");
    }

    /** Who the API's token stands for, asked once (only when a save merged others' changes); null if unknown. */
    private String me() {
        String known = me;
        if (known == null) {
            try {
                known = api.whoAmI().actor();
                me = known;
            } catch (RuntimeException e) {
                LOG.debug("could not ask who this is; merged changes keep their authors as sent", e);
            }
        }
        return known;
    }

    public ConflictStore store() {
        return store;
    }

    public ConcordApi api() {
        return api;
    }

    /**
     * Saves {@code mine} (the agent's edited field values, all of them or only the changed ones) made on
     * top of {@code base}. Nothing changed: Saved without a call.
     */
    public SaveOutcome save(Entity base, FieldValues mine) {
        List<FieldError> unknown = unknownFields(base.kind(), mine);
        if (!unknown.isEmpty()) {
            return new SaveOutcome.Failed(unknown.get(0).message(), unknown);
        }
        FieldValues intent = base.values().withAll(mine.only(mine.changedFrom(base.values())));
        return new Save(base, intent, null, null).run();
    }

    /**
     * Writes a person's resolution of a stored conflict with theirs' version as the base. Fields missing
     * from {@code resolution} keep the conflict's merged-so-far value. On success the conflict leaves the
     * store. If the record moved again, the resolution is rebased like any save when that merges cleanly;
     * if someone changed a decided field again, the stored conflict is refreshed with the new theirs and
     * returned as NeedsResolution.
     */
    public SaveOutcome resolve(String conflictId, FieldValues resolution) {
        Conflict conflict = store.conflict(conflictId).orElse(null);
        if (conflict == null) {
            return new SaveOutcome.Failed("No stored conflict " + conflictId, List.of());
        }
        List<FieldError> unknown = unknownFields(conflict.kind(), resolution);
        if (!unknown.isEmpty()) {
            return new SaveOutcome.Failed(unknown.get(0).message(), unknown);
        }
        FieldValues intent = conflict.mergedSoFar().withAll(resolution.asMap());
        SaveOutcome outcome = new Save(conflict.theirs(), intent, conflict, null).run();
        if (outcome instanceof SaveOutcome.Saved || outcome instanceof SaveOutcome.Pending) {
            // Saved, or the decision now waits as a pending edit: either way the person is done with it.
            store.removeConflict(conflictId);
        }
        return outcome;
    }

    /** Retries a pending edit (kept while the server was unreachable) with its original idempotency key. */
    public SaveOutcome retryPending(String pendingId) {
        PendingEdit edit = store.pendingEdit(pendingId).orElse(null);
        if (edit == null) {
            return new SaveOutcome.Failed("No pending edit " + pendingId, List.of());
        }
        if (!edit.baseKnown()) {
            SaveOutcome resolved = resolveUnknownBase(edit);
            if (resolved != null) {
                return resolved;
            }
            edit = store.pendingEdit(pendingId).orElseThrow();
        }
        Save save = new Save(edit.base(), edit.mine(), null, edit);
        SaveOutcome outcome = save.run();
        if (outcome instanceof SaveOutcome.Saved || outcome instanceof SaveOutcome.NeedsResolution) {
            store.removePending(pendingId);
        } else if (outcome instanceof SaveOutcome.Failed failed) {
            if (save.permanentFailure) {
                LOG.warn("Dropping pending edit {} of {}/{}: {}", pendingId, edit.kind().path(), edit.entityId(),
                        failed.reason());
                store.removePending(pendingId);
            } else {
                store.putPending(new PendingEdit(edit.pendingId(), edit.kind(), edit.entityId(), edit.base(),
                        edit.mine(), edit.idempotencyKey(), edit.createdAt(), failed.reason()));
            }
        }
        // Pending: Save.pending already replaced it under the same id with the new error.
        return outcome;
    }

    /**
     * Keeps an edit made offline on a record never fetched: only the fields given, base unknown. Its retry
     * applies them to the record as it was when the edit was made, so a field someone changed since then
     * becomes a conflict showing what the edit would overwrite.
     */
    public SaveOutcome.Pending keepUnfetched(EntityKind kind, String id, FieldValues given, String reason) {
        PendingEdit edit = new PendingEdit("p-" + newKey().substring(0, 8), kind, id, null, given, newKey(),
                clock.instant(), reason);
        store.putPending(edit);
        LOG.info("Kept the edit of never-fetched {}/{} as pending {}: {}", kind.path(), id, edit.pendingId(), reason);
        return new SaveOutcome.Pending(edit, reason);
    }

    /**
     * Finds the base of an unknown-base pending edit: the record as it was when the edit was made (the
     * newest version written at or before then). Stores the edit with that base and returns null to go on,
     * or returns the outcome to stop with (still unreachable, or the record is gone).
     */
    private SaveOutcome resolveUnknownBase(PendingEdit edit) {
        Entity base;
        try {
            Entity current = api.get(edit.kind(), edit.entityId());
            long at = 1;
            for (dev.concord.api.HistoryEntry h : api.history(edit.kind(), edit.entityId())) {
                boolean write = !dev.concord.api.HistoryEntry.CONFLICT.equals(h.kind())
                        && !dev.concord.api.HistoryEntry.REBASED.equals(h.kind());
                if (write && !h.at().isAfter(edit.createdAt()) && h.version() > at) {
                    at = h.version();
                }
            }
            base = at >= current.version() ? current : api.getVersion(edit.kind(), edit.entityId(), at);
        } catch (ServerUnreachableException | RateLimitedException e) {
            store.putPending(new PendingEdit(edit.pendingId(), edit.kind(), edit.entityId(), null, edit.mine(),
                    edit.idempotencyKey(), edit.createdAt(), e.getMessage()));
            return new SaveOutcome.Pending(store.pendingEdit(edit.pendingId()).orElseThrow(), e.getMessage());
        } catch (NotFoundException e) {
            store.removePending(edit.pendingId());
            return new SaveOutcome.Failed(e.getMessage(), List.of());
        } catch (ApiException e) {
            return new SaveOutcome.Failed("Could not read the record to apply the edit to: " + e.getMessage(), List.of());
        }
        store.putPending(new PendingEdit(edit.pendingId(), edit.kind(), edit.entityId(), base,
                base.values().withAll(edit.mine().asMap()), edit.idempotencyKey(), edit.createdAt(), edit.lastError()));
        return null;
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

    private static String newKey() {
        return UUID.randomUUID().toString();
    }

    /** The state of one logical save while it retries. Confined to the calling thread. */
    private final class Save {
        private final EntityKind kind;
        private final String id;
        /** The record the edit was made on, and the edit: the agent's intent, kept for every re-merge. */
        private final Entity origin;
        private final FieldValues intent;
        private final Conflict resolving;
        private final PendingEdit retrying;
        private final Map<String, ChangedField> changedByOthers = new LinkedHashMap<>();
        private Entity sendBase;
        private FieldValues target;
        private String key;
        private Set<String> fromTheirs = Set.of();
        private int sends;
        private int failedSends;
        private RebaseBudget rebases;
        /** Set when the server refused the edit itself (validation, unknown record): no retry can help. */
        private boolean permanentFailure;

        Save(Entity origin, FieldValues intent, Conflict resolving, PendingEdit retrying) {
            this.kind = origin.kind();
            this.id = origin.id();
            this.origin = origin;
            this.intent = intent;
            this.resolving = resolving;
            this.retrying = retrying;
            this.sendBase = origin;
            this.target = intent;
            this.key = retrying != null ? retrying.idempotencyKey() : newKey();
        }

        SaveOutcome run() {
            while (true) {
                Set<String> changed = target.changedFrom(sendBase.values());
                if (changed.isEmpty()) {
                    return saved(sendBase);
                }
                sends++;
                if (rebases == null) {
                    rebases = new RebaseBudget(policy, clock.instant()); // the window starts at the first send
                }
                Duration wait;
                try {
                    return saved(api.patch(PatchCall.of(kind, id, sendBase.version(), target.only(changed), key)));
                } catch (VersionConflictException e) {
                    SaveOutcome stop = rebase(e);
                    if (stop != null) {
                        return stop;
                    }
                    wait = jitter();
                } catch (ServerUnreachableException | RateLimitedException e) {
                    failedSends++;
                    if (failedSends >= policy.maxAttempts()) {
                        return pending(e.getMessage());
                    }
                    Duration retryAfter = e instanceof RateLimitedException r ? r.retryAfter().orElse(null) : null;
                    if (retryAfter != null && retryAfter.compareTo(policy.maxRetryAfter()) > 0) {
                        return pending(e.getMessage() + " (the server asked to wait " + retryAfter.toSeconds() + " s)");
                    }
                    wait = retryAfter != null ? retryAfter : jitter();
                    LOG.info("Save of {}/{} failed ({}); retry {} in {} ms with the same key", kind.path(), id,
                            e.getMessage(), sends + 1, wait.toMillis());
                } catch (ValidationFailedException e) {
                    permanentFailure = true;
                    return new SaveOutcome.Failed(refusal(e), e.fields());
                } catch (NotFoundException e) {
                    permanentFailure = true;
                    return new SaveOutcome.Failed(e.getMessage(), List.of());
                } catch (SessionExpiredException e) {
                    // Not the edit's fault: it waits, pending, until the person has signed in again.
                    return pending(e.getMessage());
                } catch (AuthException e) {
                    return new SaveOutcome.Failed("Not allowed: " + e.getMessage(), List.of());
                } catch (ApiException e) {
                    if (!isServerFault(e.status())) {
                        LOG.warn("Save of {}/{} refused by the server: {} {}", kind.path(), id, e.status(), e.getMessage());
                        return new SaveOutcome.Failed("The server could not save it (" + e.status() + " " + e.code()
                                + "): " + e.getMessage(), List.of());
                    }
                    // 500 (and any 5xx the client did not map): the transaction rolled back, or the answer was
                    // lost after it committed; resending with the same key is safe either way.
                    failedSends++;
                    if (failedSends >= policy.maxAttempts()) {
                        return pending(keptBecause(e));
                    }
                    wait = jitter();
                    LOG.info("Save of {}/{} failed on the server ({} {}); retry {} in {} ms with the same key",
                            kind.path(), id, e.status(), e.getMessage(), sends + 1, wait.toMillis());
                } catch (ClassCastException | IllegalArgumentException e) {
                    // A value of the wrong Java type for its field: a bug in the caller, not in the data.
                    LOG.warn("Cannot send the edit of {}/{}", kind.path(), id, e);
                    return new SaveOutcome.Failed("This edit holds a value of the wrong kind and was not sent: "
                            + e.getMessage(), List.of());
                }
                try {
                    sleeper.sleep(wait);
                } catch (InterruptedException e) {
                    SaveOutcome kept = pending("Interrupted before the retry");
                    Thread.currentThread().interrupt();
                    return kept;
                }
            }
        }

        /** Returns the outcome to stop with, or null to send the rebased changes. */
        private SaveOutcome rebase(VersionConflictException e) {
            Entity current = e.current();
            if (current == null) {
                try {
                    current = api.get(kind, id);
                } catch (ServerUnreachableException | RateLimitedException unreachable) {
                    return pending(unreachable.getMessage());
                } catch (ApiException other) {
                    return new SaveOutcome.Failed("The record changed and could not be re-read: " + other.getMessage(),
                            List.of());
                }
            }
            for (ChangedField c : e.changedSince()) {
                changedByOthers.put(c.field(), c);
            }
            MergeResult merge = merger.merge(kind, origin.values(), intent, current.values());
            if (!merge.clean()) {
                return conflict(current, merge);
            }
            sendBase = current;
            target = merge.merged();
            fromTheirs = merge.fromTheirs();
            key = newKey();
            if (!rebases.allows(clock.instant())) {
                // The edit merges cleanly; the record is only busy. Keep it durably, rebased onto the newest
                // version, so nothing the agent typed is lost and a later retry sends it again.
                return pending("The " + kind.singular() + " changed " + (rebases.used() + 1) + " times while saving. Your changes to "
                        + String.join(", ", intent.changedFrom(origin.values())) + " are kept as a pending edit; retry it.");
            }
            rebases.spend();
            LOG.info("{}/{} moved to v{}; merged cleanly, rebasing ({}, for up to {} s)", kind.path(), id,
                    current.version(), rebases.used(), policy.rebaseWindow().toSeconds());
            return null;
        }

        /** The pending edit's message: what went wrong, and that nothing typed is lost. */
        private String keptBecause(ApiException e) {
            return "The server failed " + failedSends + (failedSends == 1 ? " time" : " times") + " (" + e.status() + "): "
                    + e.getMessage()
                    + ". Your changes to " + String.join(", ", intent.changedFrom(origin.values()))
                    + " are kept as a pending edit and will be sent again with the same key.";
        }

        private Duration jitter() {
            long bound = policy.backoffBound(sends).toMillis();
            return Duration.ofMillis(bound <= 0 ? 0 : (long) (random.nextDouble() * bound));
        }

        private SaveOutcome saved(Entity entity) {
            List<MergedChange> merged = new ArrayList<>();
            String me = fromTheirs.isEmpty() ? null : me();
            for (FieldSpec f : kind.fields()) {
                if (fromTheirs.contains(f.name())) {
                    ChangedField c = changedByOthers.get(f.name());
                    MergedChange m = c != null ? new MergedChange(f.name(), c.changedBy(), c.changedAt())
                            : new MergedChange(f.name(), sendBase.updatedBy(), sendBase.updatedAt());
                    // The agent's own earlier change (another window, the CLI) is kept, but it is no one
                    // else's: "merged Bob's change" must never be said to Bob.
                    if (me == null || !me.equals(m.changedBy())) {
                        merged.add(m);
                    }
                }
            }
            return new SaveOutcome.Saved(entity, merged, sends);
        }

        private SaveOutcome conflict(Entity current, MergeResult merge) {
            Conflict conflict;
            if (resolving == null) {
                conflict = new Conflict("c-" + newKey().substring(0, 8), kind, id, origin, intent, current,
                        merge.merged(), merge.conflicts(), clock.instant());
            } else {
                // Show the person the whole picture again: their original edit against the newest record.
                MergeResult again = merger.merge(kind, resolving.base().values(), resolving.mine(), current.values());
                MergeResult shown = again.clean() ? merge : again;
                conflict = new Conflict(resolving.conflictId(), kind, id, resolving.base(), resolving.mine(), current,
                        shown.merged(), shown.conflicts(), resolving.createdAt());
            }
            store.putConflict(conflict);
            LOG.info("True conflict on {}/{} ({}): {}", kind.path(), id, conflict.conflictId(),
                    conflict.conflicts().stream().map(dev.concord.merge.FieldConflict::field).toList());
            return new SaveOutcome.NeedsResolution(conflict);
        }

        private SaveOutcome pending(String reason) {
            String pendingId = retrying != null ? retrying.pendingId() : "p-" + newKey().substring(0, 8);
            Instant createdAt = retrying != null ? retrying.createdAt() : clock.instant();
            // The exact base, values and key of the last request: resending them is then a true repeat.
            PendingEdit edit = new PendingEdit(pendingId, kind, id, sendBase, target, key, createdAt, reason);
            store.putPending(edit);
            LOG.info("Kept the edit of {}/{} as pending {}: {}", kind.path(), id, pendingId, reason);
            return new SaveOutcome.Pending(edit, reason);
        }

        private String refusal(ValidationFailedException e) {
            if (e.fields().isEmpty()) {
                return "The server refused the change: " + e.getMessage();
            }
            return "The server refused the change: "
                    + String.join("; ", e.fields().stream().map(f -> f.field() + ": " + f.message()).toList());
        }
    }
}
