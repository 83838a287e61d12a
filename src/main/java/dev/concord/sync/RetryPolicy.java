package dev.concord.sync;

import java.time.Duration;
import java.util.Objects;

/**
 * How hard the coordinator tries before it gives up on one save.
 *
 * <p>Two budgets, because two kinds of retry are different things:
 * <ul>
 *   <li>{@code maxAttempts} counts sends that made no progress anywhere: timeouts, refused connections,
 *       429/503. At most this many sends of a request that keeps failing (3 by default); then the edit is
 *       kept as pending.</li>
 *   <li>{@code maxRebases} counts clean-merge rebases after a 409. A 409 proves another writer committed,
 *       so the system as a whole never livelocks; this cap only bounds how long one save may chase a hot
 *       record (10 by default). Counting rebases against the 3 attempts would make busy records refuse
 *       edits that merge cleanly, which is exactly what this product exists to avoid.</li>
 * </ul>
 * Backoff before retry {@code r} (1-based) is full jitter: uniform in
 * {@code [0, min(maxBackoff, initialBackoff * multiplier^(r-1)))}; a server's {@code Retry-After} is
 * honoured instead, up to {@code maxRetryAfter} (beyond that the edit is kept as pending).
 */
public record RetryPolicy(int maxAttempts, int maxRebases, Duration initialBackoff, double multiplier,
                          Duration maxBackoff, Duration maxRetryAfter) {

    public RetryPolicy {
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
        if (maxAttempts < 1 || maxRebases < 0 || multiplier < 1 || initialBackoff.isNegative()
                || maxBackoff.isNegative() || maxRetryAfter.isNegative()) {
            throw new IllegalArgumentException("Invalid retry policy: " + maxAttempts + " attempts, " + maxRebases
                    + " rebases, backoff " + initialBackoff + " x" + multiplier + " up to " + maxBackoff);
        }
    }

    /** 3 attempts, 10 rebases, backoff from 100 ms doubling up to 2 s, Retry-After honoured up to 10 s. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(3, 10, Duration.ofMillis(100), 2.0, Duration.ofSeconds(2), Duration.ofSeconds(10));
    }

    public RetryPolicy withMaxAttempts(int attempts) {
        return new RetryPolicy(attempts, maxRebases, initialBackoff, multiplier, maxBackoff, maxRetryAfter);
    }

    public RetryPolicy withMaxRebases(int rebases) {
        return new RetryPolicy(maxAttempts, rebases, initialBackoff, multiplier, maxBackoff, maxRetryAfter);
    }

    public RetryPolicy withBackoff(Duration initial, double factor, Duration max) {
        return new RetryPolicy(maxAttempts, maxRebases, initial, factor, max, maxRetryAfter);
    }

    /** The upper bound of the jittered delay before retry {@code retry} (1-based). */
    public Duration backoffBound(int retry) {
        double millis = initialBackoff.toMillis() * Math.pow(multiplier, Math.max(0, retry - 1));
        return Duration.ofMillis((long) Math.min(maxBackoff.toMillis(), millis));
    }
}
