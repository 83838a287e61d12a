package dev.concord.sync;

import dev.concord.api.ChangeEvent;
import dev.concord.api.Presence;
import dev.concord.client.ApiException;
import dev.concord.client.AuthException;
import dev.concord.client.EventStreamClient;
import dev.concord.client.RateLimitedException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live event stream of one agent, kept open: reconnects with jittered backoff after a drop, resumes
 * with {@code Last-Event-ID} so no write is missed or repeated, and stops for good when the token is
 * refused (retrying a 401 would only hammer the server). Listeners are called on the executor given
 * (the console passes one that runs on the FX thread). One daemon thread reads the stream.
 */
public final class LiveEvents implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LiveEvents.class);

    private final EventStreamClient client;
    private final Executor deliverOn;
    private final ReconnectBackoff backoff;
    private final Sleeper sleeper;
    private final RandomGenerator random;
    private final List<LiveListener> listeners = new CopyOnWriteArrayList<>();
    private volatile Long lastEventId;
    private volatile boolean closed;
    private volatile EventStreamClient.Connection current;
    private volatile LiveStatus status = new LiveStatus(LiveStatus.State.CONNECTING, "Connecting to live updates...");
    private Thread reader;
    /** Failed connects since the last one that opened; drives the backoff. Reader thread only. */
    private int failures;

    public LiveEvents(EventStreamClient client, Executor deliverOn) {
        this(client, deliverOn, ReconnectBackoff.defaults(), Sleeper.SYSTEM,
                () -> ThreadLocalRandom.current().nextLong());
    }

    /** Everything injectable, so tests never sleep: {@code sleeper} waits out the backoff. */
    public LiveEvents(EventStreamClient client, Executor deliverOn, ReconnectBackoff backoff, Sleeper sleeper,
                      RandomGenerator random) {
        this.client = Objects.requireNonNull(client, "client");
        this.deliverOn = Objects.requireNonNull(deliverOn, "deliverOn");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** Listeners added before {@link #start} miss nothing. Returns a handle that removes the listener. */
    public AutoCloseable addListener(LiveListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        return () -> listeners.remove(listener);
    }

    /** Starts with the next write. */
    public synchronized void start() {
        start(null);
    }

    /** Starts with the first write after {@code afterEventId} (null: the next write). */
    public synchronized void start(Long afterEventId) {
        if (reader != null) {
            throw new IllegalStateException("already started");
        }
        lastEventId = afterEventId;
        reader = new Thread(this::run, "concord-live-events");
        reader.setDaemon(true);
        reader.start();
    }

    /** The seq of the last change delivered (what a reconnect resumes after); null before the first. */
    public Long lastEventId() {
        return lastEventId;
    }

    public LiveStatus status() {
        return status;
    }

    /**
     * Drops the current connection; the stream comes back after the usual backoff and resumes where it was
     * (e.g. after the machine woke up; tests use it to cut a connection).
     */
    public void reconnect() {
        EventStreamClient.Connection c = current;
        if (c != null) {
            c.cancel();
        }
    }

    private void run() {
        publish(status);
        while (!closed) {
            String reason;
            try {
                EventStreamClient.Connection c = client.connect(lastEventId);
                current = c;
                if (closed) {
                    break;
                }
                c.read(new Delivery());
                reason = "the server closed the stream";
            } catch (AuthException e) {
                stop("live updates unavailable: " + e.getMessage());
                return;
            } catch (RateLimitedException e) {
                reason = e.getMessage();
            } catch (ApiException e) {
                if (e.status() >= 400 && e.status() < 500) {
                    // A refusal of the request itself: sending it again gets the same answer.
                    stop("live updates unavailable: " + e.getMessage());
                    return;
                }
                reason = e.getMessage();
            } catch (RuntimeException e) {
                LOG.error("a live-event listener failed; reconnecting", e);
                reason = e.toString();
            }
            if (closed) {
                break;
            }
            failures++;
            Duration wait = backoff.delay(failures, random);
            LOG.info("live events: {}; reconnecting in {} ms", reason, wait.toMillis());
            setStatus(new LiveStatus(LiveStatus.State.RECONNECTING, "live updates interrupted (" + reason
                    + "); reconnecting in " + Math.max(1, Math.round(wait.toMillis() / 1000.0)) + " s"));
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        stop("live updates stopped");
    }

    private void stop(String message) {
        LOG.info("live events: {}", message);
        setStatus(new LiveStatus(LiveStatus.State.UNAVAILABLE, message));
    }

    private void setStatus(LiveStatus now) {
        status = now;
        publish(now);
    }

    private void publish(LiveStatus s) {
        try {
            deliverOn.execute(() -> listeners.forEach(l -> l.status(s)));
        } catch (RuntimeException e) {
            // The UI toolkit may already be gone when the stream ends at shutdown.
            LOG.debug("could not deliver live status {}", s, e);
        }
    }

    /** Stops reading and reconnecting; listeners get no more calls after the last pending delivery. */
    @Override
    public void close() {
        closed = true;
        reconnect();
        Thread t;
        synchronized (this) {
            t = reader;
        }
        if (t != null) {
            t.interrupt();
        }
    }

    /** Moves events from the reading thread to the listeners' executor, in order. */
    private final class Delivery implements EventStreamClient.Handler {
        @Override
        public void opened() {
            failures = 0;
            setStatus(LiveStatus.live());
        }

        @Override
        public void change(ChangeEvent event) {
            Long last = lastEventId;
            if (last != null && event.seq() <= last) {
                return; // already delivered before a reconnect
            }
            lastEventId = event.seq();
            deliverOn.execute(() -> listeners.forEach(l -> l.changed(event)));
        }

        @Override
        public void presence(Presence presence) {
            deliverOn.execute(() -> listeners.forEach(l -> l.presence(presence)));
        }

        @Override
        public void reset(long resumeAfter, String message) {
            // Carry on from where the server says; what was shown before may be stale.
            lastEventId = resumeAfter;
            LOG.warn("live events: {}", message);
            deliverOn.execute(() -> listeners.forEach(l -> l.reset(message)));
        }

        @Override
        public void overflow(long resumeAfter) {
            LOG.warn("live events: the server dropped this stream for falling behind; resuming after {}", resumeAfter);
        }
    }
}
