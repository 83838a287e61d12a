package dev.concord.server;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's one background thread for periodic clean-ups (expired idempotency keys, lapsed presence). A
 * task that fails is logged and runs again at its next turn.
 */
final class Housekeeping implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Housekeeping.class);

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "concord-housekeeping");
        t.setDaemon(true);
        return t;
    });

    /** Runs {@code task} every {@code period} after {@code initialDelay}; {@code what} names it in the log. */
    void every(long initialDelay, long period, TimeUnit unit, String what, Runnable task) {
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.warn("Could not {}; will try again", what, e);
            }
        }, initialDelay, period, unit);
    }

    /** The thread for short one-off tasks (they must not block it). */
    ScheduledExecutorService scheduler() {
        return scheduler;
    }

    /** Stops the thread and waits for a task still running, so none meets a closed database pool. */
    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
