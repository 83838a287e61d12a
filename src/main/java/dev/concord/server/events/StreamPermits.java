package dev.concord.server.events;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many streams each caller holds open: a console needs one, so a small cap stops one token (a viewer
 * token in a loop, a leaked script) from taking every socket of the instance.
 */
public final class StreamPermits {
    private final int perCaller;
    private final ConcurrentHashMap<String, AtomicInteger> open = new ConcurrentHashMap<>();

    public StreamPermits(int perCaller) {
        if (perCaller < 1) {
            throw new IllegalArgumentException("streams per caller must be at least 1, was " + perCaller);
        }
        this.perCaller = perCaller;
    }

    public int perCaller() {
        return perCaller;
    }

    /** Takes a permit for {@code caller}; null when the caller already holds the maximum. */
    public Runnable tryAcquire(String caller) {
        AtomicInteger n = open.computeIfAbsent(caller, k -> new AtomicInteger());
        while (true) {
            int now = n.get();
            if (now >= perCaller) {
                return null;
            }
            if (n.compareAndSet(now, now + 1)) {
                java.util.concurrent.atomic.AtomicBoolean released = new java.util.concurrent.atomic.AtomicBoolean();
                return () -> {
                    if (released.compareAndSet(false, true)) {
                        n.decrementAndGet();
                    }
                };
            }
        }
    }

    /** Streams {@code caller} holds open now. */
    public int held(String caller) {
        AtomicInteger n = open.get(caller);
        return n == null ? 0 : n.get();
    }
}
