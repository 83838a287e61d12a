package dev.concord.server;

import dev.concord.api.HistoryEntry;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Tells the event reader about committed writes, at most once per {@code gap}: the first write after a quiet
 * spell wakes it at once, writes that follow within the gap wake it once when the gap has passed.
 *
 * <p>Why (issue 16, measured): every wake-up costs the reader a check, a stamping transaction and a read of
 * the change log, seven database round trips then (four on PostgreSQL since), where the PATCH made three.
 * Woken once per write, the reader doubled the PATCH p50 under load on PostgreSQL (3.3 ms against 1.5 ms with it asleep, 4 writers,
 * same run). Spacing the wake-ups bounds that work to one read per gap, whatever the write rate, and
 * adds at most one gap to an event's delivery, only while writes arrive faster than one per gap.
 */
final class WriteNudges implements RecordRoutes.WriteListener {
    /** The smallest time between two wake-ups of the reader, in milliseconds (a system property). */
    static final String GAP_PROPERTY = "concord.events.nudgeGapMillis";
    static final long DEFAULT_GAP_MILLIS = 10;

    /** Runs a task after a delay (a scheduled executor in the server; by hand in tests). */
    @FunctionalInterface
    interface Later {
        void run(Runnable task, long delayNanos);
    }

    private final Runnable nudge;
    private final Later later;
    private final long gapNanos;
    private final LongSupplier nanoTime;
    private final AtomicLong last;
    private final AtomicBoolean pending = new AtomicBoolean();

    WriteNudges(Runnable nudge, Later later, long gapMillis, LongSupplier nanoTime) {
        this.nudge = nudge;
        this.later = later;
        this.gapNanos = TimeUnit.MILLISECONDS.toNanos(gapMillis);
        this.nanoTime = nanoTime;
        this.last = new AtomicLong(nanoTime.getAsLong() - gapNanos);
    }

    /** With the gap from {@link #GAP_PROPERTY} (0: a wake-up per write, as before). */
    static WriteNudges of(Runnable nudge, ScheduledExecutorService scheduler) {
        return new WriteNudges(nudge, (task, delay) -> scheduler.schedule(task, delay, TimeUnit.NANOSECONDS),
                Math.max(0, Long.getLong(GAP_PROPERTY, DEFAULT_GAP_MILLIS)), System::nanoTime);
    }

    @Override
    public void committed(HistoryEntry entry) {
        if (gapNanos == 0) {
            nudge.run();
            return;
        }
        long now = nanoTime.getAsLong();
        long prev = last.get();
        if (now - prev >= gapNanos && !pending.get() && last.compareAndSet(prev, now)) {
            nudge.run();
            return;
        }
        // Within the gap of the last wake-up (or one is already due): one wake-up when the gap has passed covers
        // this write and every other one until then.
        if (pending.compareAndSet(false, true)) {
            long wait = Math.max(0, last.get() + gapNanos - now);
            try {
                later.run(this::due, wait);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                pending.set(false); // shutting down: the reader stops too
            }
        }
    }

    private void due() {
        last.set(nanoTime.getAsLong());
        pending.set(false);
        nudge.run();
    }
}
