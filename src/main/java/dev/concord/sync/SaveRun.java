package dev.concord.sync;

import dev.concord.api.ChangedField;
import dev.concord.client.ApiException;
import dev.concord.client.AuthException;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One logical save, from its first send to its end: sends the changed fields with the base version, resends
 * with the same idempotency key after a lost answer or a 429/5xx (with backoff), rebases onto the newest
 * version when the three-way merge is clean, and ends Saved (saying whose changes it merged), NeedsResolution
 * (the conflict stored) or Pending (the exact last request stored). Confined to the calling thread.
 */
final class SaveRun {
    private static final Logger LOG = LoggerFactory.getLogger(SaveRun.class);
    private final SaveContext ctx;
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

    SaveRun(SaveContext ctx, Entity origin, FieldValues intent, Conflict resolving, PendingEdit retrying) {
        this.ctx = ctx;
        this.kind = origin.kind();
        this.id = origin.id();
        this.origin = origin;
        this.intent = intent;
        this.resolving = resolving;
        this.retrying = retrying;
        this.sendBase = origin;
        this.target = intent;
        this.key = retrying != null ? retrying.idempotencyKey() : SaveContext.newKey();
    }

    /** Whether the server refused the edit itself (validation, unknown record): no retry can help. */
    boolean permanentFailure() {
        return permanentFailure;
    }

    SaveOutcome run() {
        while (true) {
            Set<String> changed = target.changedFrom(sendBase.values());
            if (changed.isEmpty()) {
                return saved(sendBase);
            }
            sends++;
            if (rebases == null) {
                rebases = new RebaseBudget(ctx.policy(), ctx.clock().instant()); // the window starts at the first send
            }
            Duration wait;
            try {
                return saved(ctx.api().patch(PatchCall.of(kind, id, sendBase.version(), target.only(changed), key)));
            } catch (VersionConflictException e) {
                SaveOutcome stop = rebase(e);
                if (stop != null) {
                    return stop;
                }
                wait = jitter();
            } catch (ServerUnreachableException | RateLimitedException e) {
                failedSends++;
                if (failedSends >= ctx.policy().maxAttempts()) {
                    return pending(Reason.from(e));
                }
                Duration retryAfter = e instanceof RateLimitedException r ? r.retryAfter().orElse(null) : null;
                if (retryAfter != null && retryAfter.compareTo(ctx.policy().maxRetryAfter()) > 0) {
                    return pending(Reason.from(Reason.Code.ASKED_TO_WAIT, e).counting(retryAfter.toSeconds()));
                }
                wait = retryAfter != null ? retryAfter : jitter();
                LOG.info("Save of {}/{} failed ({}); retry {} in {} ms with the same key", kind.path(), id,
                        e.getMessage(), sends + 1, wait.toMillis());
            } catch (ValidationFailedException e) {
                permanentFailure = true;
                return new SaveOutcome.Failed(Reason.from(e), e.fields());
            } catch (NotFoundException e) {
                permanentFailure = true;
                return new SaveOutcome.Failed(Reason.from(e));
            } catch (SessionExpiredException e) {
                // Not the edit's fault: it waits, pending, until the person has signed in again.
                return pending(Reason.from(e));
            } catch (AuthException e) {
                return new SaveOutcome.Failed(Reason.from(e));
            } catch (ApiException e) {
                if (!RetryCoordinator.isServerFault(e.status())) {
                    LOG.warn("Save of {}/{} refused by the server: {} {}", kind.path(), id, e.status(), e.getMessage());
                    return new SaveOutcome.Failed(Reason.from(Reason.Code.REFUSED, e));
                }
                // 500 (and any 5xx the client did not map): the transaction rolled back, or the answer was
                // lost after it committed; resending with the same key is safe either way.
                failedSends++;
                if (failedSends >= ctx.policy().maxAttempts()) {
                    return pending(Reason.from(Reason.Code.SERVER_FAILED, e).counting(failedSends));
                }
                wait = jitter();
                LOG.info("Save of {}/{} failed on the server ({} {}); retry {} in {} ms with the same key",
                        kind.path(), id, e.status(), e.getMessage(), sends + 1, wait.toMillis());
            } catch (ClassCastException | IllegalArgumentException e) {
                // A value of the wrong Java type for its field: a bug in the caller, not in the data.
                LOG.warn("Cannot send the edit of {}/{}", kind.path(), id, e);
                return new SaveOutcome.Failed(Reason.of(Reason.Code.WRONG_VALUE_TYPE, e.getMessage()));
            }
            try {
                ctx.sleeper().sleep(wait);
            } catch (InterruptedException e) {
                SaveOutcome kept = pending(Reason.of(Reason.Code.INTERRUPTED, "Interrupted before the retry"));
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
                current = ctx.api().get(kind, id);
            } catch (ServerUnreachableException | RateLimitedException unreachable) {
                return pending(Reason.from(unreachable));
            } catch (ApiException other) {
                return new SaveOutcome.Failed(Reason.from(Reason.Code.REREAD_FAILED, other));
            }
        }
        for (ChangedField c : e.changedSince()) {
            changedByOthers.put(c.field(), c);
        }
        MergeResult merge = ctx.merger().merge(kind, origin.values(), intent, current.values());
        if (!merge.clean()) {
            return conflict(current, merge);
        }
        sendBase = current;
        target = merge.merged();
        fromTheirs = merge.fromTheirs();
        key = SaveContext.newKey();
        if (!rebases.allows(ctx.clock().instant())) {
            // The edit merges cleanly; the record is only busy. Keep it durably, rebased onto the newest
            // version, so nothing the agent typed is lost and a later retry sends it again.
            int times = rebases.used() + 1;
            return pending(new Reason(Reason.Code.RECORD_BUSY, null, 0, times, null, "The " + kind.singular() + " changed "
                    + times + " times while saving; the changes to " + intent.changedFrom(origin.values()) + " are kept"));
        }
        rebases.spend();
        LOG.info("{}/{} moved to v{}; merged cleanly, rebasing ({}, for up to {} s)", kind.path(), id,
                current.version(), rebases.used(), ctx.policy().rebaseWindow().toSeconds());
        return null;
    }

    private Duration jitter() {
        long bound = ctx.policy().backoffBound(sends).toMillis();
        return Duration.ofMillis(bound <= 0 ? 0 : (long) (ctx.random().nextDouble() * bound));
    }

    private SaveOutcome saved(Entity entity) {
        List<MergedChange> merged = new ArrayList<>();
        String me = fromTheirs.isEmpty() ? null : ctx.me().get();
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
            conflict = new Conflict("c-" + SaveContext.newKey().substring(0, 8), kind, id, origin, intent, current,
                    merge.merged(), merge.conflicts(), ctx.clock().instant());
        } else {
            // Show the person the whole picture again: their original edit against the newest record.
            MergeResult again = ctx.merger().merge(kind, resolving.base().values(), resolving.mine(), current.values());
            MergeResult shown = again.clean() ? merge : again;
            conflict = new Conflict(resolving.conflictId(), kind, id, resolving.base(), resolving.mine(), current,
                    shown.merged(), shown.conflicts(), resolving.createdAt());
        }
        ctx.store().putConflict(conflict);
        LOG.info("True conflict on {}/{} ({}): {}", kind.path(), id, conflict.conflictId(),
                conflict.conflicts().stream().map(dev.concord.merge.FieldConflict::field).toList());
        return new SaveOutcome.NeedsResolution(conflict);
    }

    private SaveOutcome pending(Reason reason) {
        String pendingId = retrying != null ? retrying.pendingId() : "p-" + SaveContext.newKey().substring(0, 8);
        Instant createdAt = retrying != null ? retrying.createdAt() : ctx.clock().instant();
        // The exact base, values and key of the last request: resending them is then a true repeat.
        PendingEdit edit = new PendingEdit(pendingId, kind, id, sendBase, target, key, createdAt, reason);
        ctx.store().putPending(edit);
        LOG.info("Kept the edit of {}/{} as pending {}: {}", kind.path(), id, pendingId, reason);
        return new SaveOutcome.Pending(edit, reason);
    }
}
