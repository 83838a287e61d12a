package dev.concord.sync;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How long the event stream waits before reconnect {@code n} (1-based): "equal jitter", uniform in
 * {@code [bound/2, bound]} with {@code bound = min(max, initial * 2^(n-1))}. Half of it fixed, so a
 * server that just restarted is not hit at once by every console; half random, so they do not all come
 * back in the same millisecond.
 */
public record ReconnectBackoff(Duration initial, Duration max) {
    public ReconnectBackoff {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(max, "max");
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("Reconnect backoff needs 0 < initial <= max, was " + initial + ", " + max);
        }
    }

    /** From 1 s doubling up to 30 s: the server's own {@code retry: 2000} is in that range. */
    public static ReconnectBackoff defaults() {
        return new ReconnectBackoff(Duration.ofSeconds(1), Duration.ofSeconds(30));
    }

    public Duration bound(int attempt) {
        int doublings = Math.min(Math.max(0, attempt - 1), 30);
        long millis = Math.min(max.toMillis(), initial.toMillis() << doublings);
        return Duration.ofMillis(millis < 0 ? max.toMillis() : millis);
    }

    public Duration delay(int attempt, RandomGenerator random) {
        long bound = bound(attempt).toMillis();
        long half = bound / 2;
        return Duration.ofMillis(half + random.nextLong(bound - half + 1));
    }
}
