package dev.concord.sync;

import dev.concord.client.ApiException;
import dev.concord.client.AuthException;
import dev.concord.client.ConcordApi;
import dev.concord.client.CreateCall;
import dev.concord.client.NotFoundException;
import dev.concord.client.RateLimitedException;
import dev.concord.client.ServerUnreachableException;
import dev.concord.client.ValidationFailedException;
import dev.concord.client.VersionConflictException;
import dev.concord.domain.Entity;
import dev.concord.domain.EntityKind;
import dev.concord.domain.FieldValues;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates and retires records for the console and the command line. Blocking; never call on the FX thread.
 *
 * <p>A create carries one idempotency key for all its resends (timeouts, refused connections, 429/503),
 * so a create whose answer was lost never makes a second record; when the server stays away the key is
 * handed back to retry with later. A retire names the version the person saw: if the record changed
 * since, nothing is retired and the person gets the current record and what changed (a stale delete is a
 * conflict, decided by a person, never by a retry).
 */
public final class LifecycleCoordinator {
    private static final Logger LOG = LoggerFactory.getLogger(LifecycleCoordinator.class);
    private static final RandomGenerator THREAD_LOCAL_RANDOM = () -> ThreadLocalRandom.current().nextLong();

    private final ConcordApi api;
    private final RetryPolicy policy;
    private final Sleeper sleeper;
    private final RandomGenerator random;

    public LifecycleCoordinator(ConcordApi api) {
        this(api, RetryPolicy.defaults(), Sleeper.SYSTEM, THREAD_LOCAL_RANDOM);
    }

    /** Everything injectable, so tests never sleep. */
    public LifecycleCoordinator(ConcordApi api, RetryPolicy policy, Sleeper sleeper, RandomGenerator random) {
        this.api = Objects.requireNonNull(api, "api");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** A new create: a fresh idempotency key. */
    public CreateOutcome create(EntityKind kind, String id, FieldValues values) {
        return create(kind, id, values, UUID.randomUUID().toString());
    }

    /** A create with the key of an earlier {@link CreateOutcome.Unreachable} attempt: safe to repeat. */
    public CreateOutcome create(EntityKind kind, String id, FieldValues values, String idempotencyKey) {
        CreateCall call = new CreateCall(kind, id, values.asMap(), idempotencyKey);
        for (int attempt = 1; ; attempt++) {
            try {
                return new CreateOutcome.Created(api.create(call));
            } catch (ServerUnreachableException | RateLimitedException e) {
                if (attempt >= policy.maxAttempts() || !pause(e, attempt)) {
                    return new CreateOutcome.Unreachable(Reason.from(e), idempotencyKey);
                }
                LOG.info("Create of a {} failed ({}); retry {} with the same key", kind.singular(), e.getMessage(),
                        attempt + 1);
            } catch (ValidationFailedException e) {
                return new CreateOutcome.Refused(Reason.from(e), e.fields());
            } catch (ApiException e) {
                // Not allowed, an id already taken, any other refusal: no retry helps.
                return new CreateOutcome.Refused(Reason.from(e), List.of());
            }
        }
    }

    /** Retires {@code seen} if it is still at the version the person saw. */
    public RetireOutcome retire(Entity seen) {
        return retire(seen.kind(), seen.id(), seen.version());
    }

    /** Retires the record if it is still at {@code version}, the version the person saw. */
    public RetireOutcome retire(EntityKind kind, String id, long version) {
        record Seen(String id, long version) {
        }
        Seen seen = new Seen(id, version);
        boolean resent = false;
        for (int attempt = 1; ; attempt++) {
            try {
                return new RetireOutcome.Retired(api.delete(kind, seen.id(), seen.version()));
            } catch (ServerUnreachableException | RateLimitedException e) {
                if (attempt >= policy.maxAttempts() || !pause(e, attempt)) {
                    return new RetireOutcome.Unreachable(Reason.from(e));
                }
                resent = true;
            } catch (VersionConflictException e) {
                Entity current = e.current();
                if (current == null) {
                    try {
                        current = api.get(kind, seen.id());
                    } catch (NotFoundException gone) {
                        return new RetireOutcome.AlreadyGone(Reason.from(Reason.Code.ALREADY_RETIRED, gone));
                    } catch (ApiException other) {
                        return new RetireOutcome.Unreachable(Reason.from(Reason.Code.REREAD_FAILED, other));
                    }
                }
                return new RetireOutcome.Stale(current, e.changedSince(), seen.version());
            } catch (NotFoundException e) {
                return new RetireOutcome.AlreadyGone(Reason.from(resent ? Reason.Code.RETIRED_BY_EARLIER_ATTEMPT
                        : Reason.Code.ALREADY_RETIRED, e));
            } catch (ValidationFailedException e) {
                // Live records still refer to it (HAS_DEPENDENTS, named), or another refusal: no retry helps.
                return new RetireOutcome.Refused(Reason.from(e), e.dependents());
            } catch (ApiException e) {
                // Not allowed, any other refusal: no retry helps.
                return new RetireOutcome.Refused(Reason.from(e));
            }
        }
    }

    /** Waits before the next attempt; false when interrupted (the caller stops). */
    private boolean pause(ApiException e, int attempt) {
        Duration retryAfter = e instanceof RateLimitedException r ? r.retryAfter().orElse(null) : null;
        if (retryAfter != null && retryAfter.compareTo(policy.maxRetryAfter()) > 0) {
            return false;
        }
        long bound = policy.backoffBound(attempt).toMillis();
        Duration wait = retryAfter != null ? retryAfter
                : Duration.ofMillis(bound <= 0 ? 0 : (long) (random.nextDouble() * bound));
        try {
            sleeper.sleep(wait);
            return true;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
