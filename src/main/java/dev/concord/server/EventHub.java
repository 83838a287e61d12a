package dev.concord.server;

import dev.concord.api.ChangeEvent;
import dev.concord.api.HistoryEntry;
import dev.concord.api.Presence;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fans committed writes out to live subscribers. The source of truth is the change log, not the write
 * path: one pump thread polls it for rows after the last one published, so writes made by other server
 * instances on the same PostgreSQL are streamed too, and an event's id (its {@code seq}) lets a client
 * resume exactly where it left off. Local writes nudge the pump so they go out at once.
 *
 * <p>Writers never wait for subscribers: publishing only offers to each subscriber's bounded queue. A
 * subscriber whose queue is full gets nothing more; its stream sends what was queued, then an overflow
 * event, then closes, and the client resumes with {@code Last-Event-ID} losing nothing.
 *
 * <p>Presence changes (who views or edits what) are polled from their table the same way and pushed
 * best effort: they are not replayed on resume, since an announcement lapses within seconds anyway.
 */
final class EventHub implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EventHub.class);
    private static final int BATCH = 500;
    /** How often an idle stream checks whether the hub closed or a heartbeat is due. */
    private static final Duration WAKE_UP = Duration.ofMillis(250);

    private final Database db;
    private final Duration pollInterval;
    private final Duration heartbeat;
    private final int queueCapacity;
    private final Duration gapGrace;
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService pump;
    private final AtomicBoolean pollQueued = new AtomicBoolean();
    private final Object positionLock = new Object();
    private volatile boolean closed;
    /** Highest change-log seq published, or skipped for good; only the pump thread advances it. */
    private long published;
    /** Highest presence seq pushed; presence is best effort, so no gap handling. */
    private long presencePublished;
    private long gapSeenAt = -1;
    private long gapSeq = -1;

    EventHub(Database db, Duration pollInterval, Duration heartbeat, int queueCapacity, Duration gapGrace) {
        this.db = db;
        this.pollInterval = pollInterval;
        this.heartbeat = heartbeat;
        this.queueCapacity = queueCapacity;
        this.gapGrace = gapGrace;
        this.pump = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "concord-event-pump");
            t.setDaemon(true);
            return t;
        });
    }

    void start() {
        published = db.inTransaction(ChangeLog::lastSeq);
        presencePublished = db.inTransaction(PresenceStore::lastSeq);
        pump.scheduleWithFixedDelay(this::pollSafely, pollInterval.toMillis(), pollInterval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** A write committed here: publish it now rather than at the next poll. */
    void nudge() {
        if (!closed && pollQueued.compareAndSet(false, true)) {
            pump.execute(() -> {
                pollQueued.set(false);
                pollSafely();
            });
        }
    }

    int subscriberCount() {
        return subscribers.size();
    }

    /**
     * Streams events to {@code sink} on the calling thread until the sink fails, the subscriber overflows,
     * or the hub closes. With {@code lastEventId}, first replays every write after it from the change log.
     */
    void stream(Long lastEventId, EventSink sink) throws IOException {
        Subscriber s = new Subscriber(queueCapacity);
        long position;
        synchronized (positionLock) {
            position = published;
            subscribers.add(s);
        }
        try {
            long sent = lastEventId == null ? position : lastEventId;
            while (sent < position && !closed) {
                long from = sent;
                List<HistoryEntry> batch = db.inTransaction(c -> ChangeLog.writesSince(c, from, BATCH));
                for (HistoryEntry e : batch) {
                    if (e.seq() > position) {
                        break; // the live queue has it
                    }
                    sink.send(ChangeEvent.of(e));
                    sent = e.seq();
                }
                if (batch.isEmpty() || batch.get(batch.size() - 1).seq() >= position) {
                    sent = Math.max(sent, position);
                }
            }
            long floor = Math.max(sent, position);
            long lastWrite = System.nanoTime();
            while (!closed) {
                Object item = s.queue.poll(WAKE_UP.toMillis(), TimeUnit.MILLISECONDS);
                if (item instanceof ChangeEvent e && e.seq() > floor) {
                    sink.send(e);
                    floor = e.seq();
                    lastWrite = System.nanoTime();
                } else if (item instanceof Presence p) {
                    sink.presence(p);
                    lastWrite = System.nanoTime();
                } else if (item == null && !s.overflowed && System.nanoTime() - lastWrite >= heartbeat.toNanos()) {
                    sink.heartbeat();
                    lastWrite = System.nanoTime();
                }
                if (s.overflowed && s.queue.isEmpty()) {
                    sink.overflow(floor);
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            subscribers.remove(s);
        }
    }

    private void pollSafely() {
        try {
            poll();
            pollPresence();
        } catch (RuntimeException e) {
            LOG.warn("Polling the change log for events failed; will retry", e);
        }
    }

    /** Publishes committed rows in seq order; a gap (a write not yet committed) holds back until it fills. */
    private void poll() {
        if (closed) {
            return;
        }
        while (true) {
            long from = published;
            List<HistoryEntry> rows = db.inTransaction(c -> ChangeLog.allSince(c, from, BATCH));
            for (HistoryEntry row : rows) {
                if (row.seq() != published + 1 && !gapExpired(published + 1)) {
                    return;
                }
                if (!HistoryEntry.CONFLICT.equals(row.kind())) {
                    publish(ChangeEvent.of(row));
                }
                synchronized (positionLock) {
                    published = row.seq();
                }
                gapSeq = -1;
            }
            if (rows.size() < BATCH) {
                return;
            }
        }
    }

    private void pollPresence() {
        if (closed) {
            return;
        }
        long from = presencePublished;
        for (PresenceStore.Change change : db.inTransaction(c -> PresenceStore.changesSince(c, from, BATCH))) {
            publish(change.presence());
            presencePublished = change.seq();
        }
    }

    /**
     * A seq may be missing because its transaction has not committed yet (then it will appear) or because it
     * rolled back (then it never will). Waiting {@code gapGrace} tells the two apart.
     */
    private boolean gapExpired(long missing) {
        long now = System.nanoTime();
        if (gapSeq != missing) {
            gapSeq = missing;
            gapSeenAt = now;
            return false;
        }
        return now - gapSeenAt >= gapGrace.toNanos();
    }

    private void publish(Object e) {
        for (Subscriber s : subscribers) {
            if (!s.overflowed && !s.queue.offer(e)) {
                s.overflowed = true;
                LOG.info("Dropping an event subscriber that fell {} events behind", queueCapacity);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        pump.shutdownNow();
        // The server closes the database pool right after this: a poll still running would hit a closed pool.
        try {
            if (!pump.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS)) {
                LOG.warn("event pump did not stop within 5 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final class Subscriber {
        /** ChangeEvents and Presences, in the order they were published. */
        final BlockingQueue<Object> queue;
        volatile boolean overflowed;

        Subscriber(int capacity) {
            this.queue = new ArrayBlockingQueue<>(capacity);
        }
    }
}
