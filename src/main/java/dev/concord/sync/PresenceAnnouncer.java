package dev.concord.sync;

import dev.concord.api.Presence;
import dev.concord.client.ApiException;
import dev.concord.client.AuthException;
import dev.concord.client.PresenceClient;
import dev.concord.domain.EntityKind;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the server which record this agent has open and whether they are editing it: announces on every
 * change, renews while it stays open (the server lets an announcement lapse 30 s after its last renewal)
 * and leaves when the record is closed. All calls run on one background thread, in order; a failed
 * announcement is logged and the next renewal tries again.
 */
public final class PresenceAnnouncer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PresenceAnnouncer.class);
    /** A third of the server's 30 s lapse, so one lost renewal does not make the agent vanish. */
    public static final Duration RENEW_EVERY = Duration.ofSeconds(10);

    private final PresenceClient client;
    private final ScheduledExecutorService thread;
    /** What is announced now; read and written on {@link #thread} only. */
    private Target target;
    /** Set by {@link #close}: the console is going, and with it perhaps the embedded server it talks to. */
    private volatile boolean closing;

    private record Target(EntityKind kind, String id, String state) {
    }

    public PresenceAnnouncer(PresenceClient client) {
        this.client = Objects.requireNonNull(client, "client");
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "concord-presence");
            t.setDaemon(true);
            return t;
        });
        thread.scheduleWithFixedDelay(this::renew, RENEW_EVERY.toMillis(), RENEW_EVERY.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** This agent now has {@code id} open: {@link Presence#VIEWING} or {@link Presence#EDITING}. */
    public void show(EntityKind kind, String id, String state) {
        Target next = new Target(kind, id, state);
        submit(() -> {
            if (target != null && !(target.kind() == kind && target.id().equals(id))) {
                leave(target);
            }
            target = next;
            announce(next);
        });
    }

    /** This agent closed whatever record was open. */
    public void clear() {
        submit(() -> {
            if (target != null) {
                leave(target);
                target = null;
            }
        });
    }

    private void renew() {
        if (target != null) {
            announce(target);
        }
    }

    private void announce(Target t) {
        try {
            client.announce(t.kind(), t.id(), t.state());
        } catch (AuthException e) {
            if (e.status() == 403 && Presence.EDITING.equals(t.state())) {
                // A viewer may look but not edit: they are still there, as a viewer.
                target = new Target(t.kind(), t.id(), Presence.VIEWING);
                announce(target);
                return;
            }
            // The token was refused: renewing would only be refused again.
            LOG.warn("presence on {} {} refused: {}", t.kind().singular(), t.id(), e.getMessage());
            target = null;
        } catch (ApiException e) {
            LOG.warn("could not announce {} on {} {}: {}", t.state(), t.kind().singular(), t.id(), e.getMessage());
        }
    }

    private void leave(Target t) {
        try {
            client.leave(t.kind(), t.id());
        } catch (ApiException e) {
            if (closing) {
                // Quitting the console that hosts the embedded server stops it under this last call; the
                // server lets the announcement lapse within 30 s anyway, so this is no news to the agent.
                LOG.debug("could not leave {} {} while closing: {}", t.kind().singular(), t.id(), e.getMessage());
            } else {
                LOG.warn("could not leave {} {}: {}", t.kind().singular(), t.id(), e.getMessage());
            }
        }
    }

    private void submit(Runnable task) {
        if (!thread.isShutdown()) {
            thread.execute(task);
        }
    }

    /**
     * Leaves the open record and stops renewing. Does not wait for the leave call (the UI thread closes
     * this); if the process ends first, the server lets the announcement lapse.
     */
    @Override
    public void close() {
        closing = true;
        clear();
        thread.shutdown();
    }
}
