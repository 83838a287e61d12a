package dev.concord.server.events;

import dev.concord.api.Presence;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletOutputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fans committed writes out to every open stream of this instance. One reader thread follows the change
 * log by event id (ids are given in commit order, see {@link EventStore#assignIds}), so a write made by
 * any instance reaches every stream exactly once and in order, and a stream costs no database query: it
 * is served from the reader's fan-out and, when it resumes, from the in-memory replay window.
 *
 * <p>Writers never wait for streams: publishing appends one shared frame to the {@link FrameLog}, whatever
 * the number of streams, and asks the {@link Fanout} for a pass, which writes each stream everything it has
 * pending in one write. Presence changes are read and pushed the same way, best effort (never replayed).
 */
public final class EventHub implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EventHub.class);
    private static final int BATCH = 500;

    private final EventStore store;
    private final EventSettings settings;
    private final Clock clock;
    /** The open streams and whom each serves (to end a caller's streams when their access is revoked). */
    private final Map<EventStream, String> callers = new ConcurrentHashMap<>();
    private final Set<EventStream> streams = callers.keySet();
    private final Object lock = new Object();
    private final ScheduledExecutorService reader;
    private final FrameLog log;
    private final Fanout fanout;
    private final AtomicBoolean readQueued = new AtomicBoolean();
    private final AtomicLong storeCalls = new AtomicLong();
    private RecentEvents recent;
    /** Highest event id read from the log; every event up to it has been offered to the streams. */
    private volatile long head;
    private long presenceSeq;
    private volatile boolean closed;
    /** Whether the next read also reads presence changes (set by the poll, presence writes, other instances). */
    private volatile boolean presenceDue = true;
    /** Whether a write of this instance committed since the last read: rows surely wait for their ids. */
    private volatile boolean writeDue;

    public EventHub(EventStore store, EventSettings settings, Clock clock) {
        this.store = store;
        this.settings = settings;
        this.clock = clock;
        this.reader = Executors.newSingleThreadScheduledExecutor(daemon("concord-events-reader"));
        this.log = new FrameLog(settings.queueCapacity());
        this.fanout = new Fanout(log, streams, settings.fanoutPause(), settings.heartbeat());
    }

    /** Reads the newest events into the replay window and starts following the log. */
    public void start() {
        call(store::assignIds);
        List<EventStore.Row> newest = call(() -> store.latest(settings.replayWindow()));
        long floor = newest.size() < settings.replayWindow() || newest.isEmpty() ? 0 : newest.get(0).eventId() - 1;
        synchronized (lock) {
            recent = new RecentEvents(settings.replayWindow(), floor);
            newest.forEach(r -> recent.add(Frame.change(r.event())));
            head = call(store::lastAssigned);
            presenceSeq = call(store::lastPresenceSeq);
        }
        long poll = settings.pollInterval().toMillis();
        reader.scheduleWithFixedDelay(() -> {
            presenceDue = true;
            readSafely();
        }, poll, poll, TimeUnit.MILLISECONDS);
    }

    /** A record was written here: read the change log now (presence waits for its own nudge or the poll). */
    public void nudge() {
        writeDue = true;
        wake();
    }

    /** Presence changed here, or another instance notified (a write or presence): read both now. */
    public void nudgeAll() {
        presenceDue = true;
        wake();
    }

    private void wake() {
        if (!closed && readQueued.compareAndSet(false, true)) {
            try {
                reader.execute(() -> {
                    readQueued.set(false);
                    readSafely();
                });
            } catch (java.util.concurrent.RejectedExecutionException e) {
                readQueued.set(false); // closing
            }
        }
    }

    /**
     * The id of the newest event this instance has sent out: every event up to it is committed. A client
     * that loads data after reading this and then opens its stream with it as Last-Event-ID misses nothing.
     */
    public long head() {
        return head;
    }

    public int streamCount() {
        return streams.size();
    }

    /** Queries and transactions the hub has made, in total (they do not grow with the number of streams). */
    public long storeCalls() {
        return storeCalls.get();
    }

    /** Streams dropped for falling behind since start. */
    public long overflows() {
        return fanout.overflows();
    }

    /**
     * Serves one stream on the request's async context: replays what the client missed after
     * {@code lastEventId} (null: only new events), or sends a {@code reset} when that cannot be done.
     * Returns at once; the future completes when the stream ends, after {@code onEnd} ran.
     */
    public CompletableFuture<Void> open(AsyncContext async, ServletOutputStream out, String who, Long lastEventId,
                                        Runnable onEnd) {
        async.setTimeout(0);
        // Ahead of this instance: another instance may already have read further; only the database can tell.
        long newestAnywhere = lastEventId != null && lastEventId > head ? call(store::lastAssigned) : 0;
        EventStream s;
        synchronized (lock) {
            long h = head;
            String resetReason = null;
            if (lastEventId != null && lastEventId > Math.max(h, newestAnywhere)) {
                resetReason = "Last-Event-ID " + lastEventId + " is ahead of the newest event, " + h
                        + " (the database was replaced or restored)";
            } else if (lastEventId != null && !recent.covers(lastEventId)) {
                resetReason = "Last-Event-ID " + lastEventId + " is older than the " + settings.replayWindow()
                        + " events this server can replay";
            }
            long resumeAfter = lastEventId == null || resetReason != null ? h : lastEventId;
            // Under the lock that publishing takes: every frame before log.head() is in the replay (or was
            // before the client's id), every frame after it is live, none is both.
            s = new EventStream(out, log.head(), resumeAfter, settings.queueCapacity(), fanout::request,
                    () -> ended(onEnd));
            s.offerOwn(Frame.opening(who));
            if (resetReason != null) {
                s.offerOwn(Frame.reset(h, resetReason));
            } else if (lastEventId != null) {
                recent.after(lastEventId).forEach(s::offerOwn);
            }
            if (closed) {
                s.finish();
            } else {
                callers.put(s, who);
                fanout.add(s);
            }
        }
        async.addListener(s);
        if (!s.isOver()) {
            s.start();
        }
        s.done().whenComplete((v, e) -> callers.remove(s));
        return s.done();
    }

    /**
     * Ends the open streams of the callers {@code revoked} names (a token of theirs was revoked): a stream is
     * authorised when it opens, so without this it would go on showing changes to someone who may no longer see
     * them. A caller who still has access reconnects with Last-Event-ID and misses nothing.
     *
     * @return how many streams were ended
     */
    public int endStreamsOf(java.util.function.Predicate<String> revoked) {
        int ended = 0;
        for (Map.Entry<EventStream, String> e : callers.entrySet()) {
            if (revoked.test(e.getValue())) {
                e.getKey().end();
                ended++;
            }
        }
        return ended;
    }

    private void ended(Runnable onEnd) {
        try {
            onEnd.run();
        } catch (RuntimeException e) {
            LOG.warn("clean-up after an event stream failed", e);
        }
    }

    private void readSafely() {
        try {
            read();
        } catch (RuntimeException e) {
            LOG.warn("Reading the change log for events failed; will retry", e);
        }
    }

    private void read() {
        if (closed) {
            return;
        }
        if (writeDue) {
            writeDue = false;
            call(store::assignIdsNow);
        } else {
            call(store::assignIds);
        }
        long before = log.head();
        while (!closed) {
            long from = head;
            List<EventStore.Row> rows = call(() -> store.after(from, BATCH));
            if (rows.isEmpty()) {
                break;
            }
            synchronized (lock) {
                for (EventStore.Row row : rows) {
                    if (row.event() != null) {
                        Frame f = Frame.change(row.event());
                        recent.add(f);
                        publish(f);
                    }
                    head = row.eventId();
                }
            }
            if (rows.size() < BATCH) {
                break;
            }
        }
        if (log.head() != before) {
            fanout.request();
        }
        if (!presenceDue) {
            return; // a record write: the presence table did not change, so no query for it (issue 16)
        }
        presenceDue = false;
        long fromPresence = presenceSeq;
        List<EventStore.PresenceChange> changes = call(() -> store.presenceAfter(fromPresence, BATCH));
        if (!changes.isEmpty()) {
            Instant now = clock.instant();
            synchronized (lock) {
                for (EventStore.PresenceChange c : changes) {
                    Presence p = c.presence().expiringFrom(now);
                    publish(Frame.presence(p));
                    presenceSeq = c.seq();
                }
            }
            fanout.request();
        }
    }

    /** Appends a frame for every stream: one slot, whatever their number. Holds the lock. */
    private void publish(Frame f) {
        log.append(f);
    }

    private <T> T call(java.util.function.Supplier<T> query) {
        storeCalls.incrementAndGet();
        return query.get();
    }

    /** Ends every stream and stops reading; the server closes the database right after. */
    @Override
    public void close() {
        closed = true;
        reader.shutdownNow();
        try {
            // The reader may be inside a query: the database must outlive it (the server closes it next).
            if (!reader.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("event reader did not stop within 5 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (lock) {
            fanout.close();
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
