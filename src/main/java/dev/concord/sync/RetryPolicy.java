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
 *   <li>{@code rebaseWindow} bounds clean-merge rebases after a 409 by time: a save keeps rebasing while it
 *       is younger than this (30 s by default; {@link RebaseBudget}). A 409 proves another writer committed,
 *       so the system as a whole never livelocks; the window only bounds how long one save may chase a hot
 *       record. Counting rebases against the 3 attempts would make busy records refuse edits that merge
 *       cleanly, which is exactly what this product exists to avoid. {@code maxRebases} (100 by default) is
 *       a ceiling for when the clock cannot tell (409s faster than its resolution, a fixed clock).</li>
 * </ul>
 * Backoff before retry {@code r} (1-based) is full jitter: uniform in
 * {@code [0, min(maxBackoff, initialBackoff * multiplier^(r-1)))}; a server's {@code Retry-After} is
 * honoured instead, up to {@code maxRetryAfter} (beyond that the edit is kept as pending).
 */
public record RetryPolicy(int maxAttempts, int maxRebases, Duration rebaseWindow, Duration initialBackoff,
                          double multiplier, Duration maxBackoff, Duration maxRetryAfter) {

    public RetryPolicy {
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
        Objects.requireNonNull(rebaseWindow, "rebaseWindow");
        if (maxAttempts < 1 || maxRebases < 0 || multiplier < 1 || initialBackoff.isNegative() || rebaseWindow.isNegative()
                || maxBackoff.isNegative() || maxRetryAfter.isNegative()) {
            throw new IllegalArgumentException("Invalid retry policy: " + maxAttempts + " attempts, " + maxRebases
                    + " rebases, backoff " + initialBackoff + " x" + multiplier + " up to " + maxBackoff);
        }
    }

    /**
     * 3 attempts, clean rebases for 30 s (at most 100), backoff from 100 ms doubling up to 2 s, Retry-After
     * honoured up to 10 s.
     */
    public static RetryPolicy defaults() {
        return new RetryPolicy(3, 100, Duration.ofSeconds(30), Duration.ofMillis(100), 2.0, Duration.ofSeconds(2),
                Duration.ofSeconds(10));
    }

    public RetryPolicy withMaxAttempts(int attempts) {
        return new RetryPolicy(attempts, maxRebases, rebaseWindow, initialBackoff, multiplier, maxBackoff, maxRetryAfter);
    }

    public RetryPolicy withMaxRebases(int rebases) {
        return new RetryPolicy(maxAttempts, rebases, rebaseWindow, initialBackoff, multiplier, maxBackoff, maxRetryAfter);
    }

    public RetryPolicy withRebaseWindow(Duration window) {
        return new RetryPolicy(maxAttempts, maxRebases, window, initialBackoff, multiplier, maxBackoff, maxRetryAfter);
    }

    public RetryPolicy withBackoff(Duration initial, double factor, Duration max) {
        return new RetryPolicy(maxAttempts, maxRebases, rebaseWindow, initial, factor, max, maxRetryAfter);
    }

    /** The upper bound of the jittered delay before retry {@code retry} (1-based). */
    public Duration backoffBound(int retry) {
        double millis = initialBackoff.toMillis() * Math.pow(multiplier, Math.max(0, retry - 1));
        return Duration.ofMillis((long) Math.min(maxBackoff.toMillis(), millis));
    }
}
