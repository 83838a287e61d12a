package dev.concord.server.events;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On PostgreSQL, one connection per instance that LISTENs for the NOTIFY every write sends in its
 * transaction, and nudges the hub when one arrives, so a write on any instance reaches the streams of all
 * of them at once instead of at the next poll. A dedicated thread waits in {@code getNotifications} with a
 * timeout (pgjdbc has no callback); if the connection breaks, polling carries on until it is back.
 */
public final class PgWakeups implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PgWakeups.class);
    private static final int WAIT_MILLIS = 500;
    private static final Duration RETRY = Duration.ofSeconds(2);

    private final Callable<Connection> connect;
    private final String channel;
    private final Runnable wake;
    private final String ownPayload;
    private final Thread thread;
    private volatile boolean closed;
    private volatile boolean listening;

    /**
     * {@code connect} opens a connection of its own (not from the pool: it is held for the server's life).
     * Notifications whose payload is {@code ownPayload} come from this instance's own writes, which woke the
     * hub when they committed: they are ignored, so a local write costs one read of the change log, not two.
     */
    public PgWakeups(Callable<Connection> connect, String channel, String ownPayload, Runnable wake) {
        if (!channel.matches("[a-z_]{1,63}")) {
            throw new IllegalArgumentException("not a channel name: " + channel);
        }
        this.connect = connect;
        this.channel = channel;
        this.wake = wake;
        this.ownPayload = ownPayload;
        this.thread = new Thread(this::run, "concord-events-listen");
        this.thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    /** Whether the LISTEN connection is up (else the hub relies on polling). */
    public boolean listening() {
        return listening;
    }

    private void run() {
        while (!closed) {
            try (Connection c = connect.call()) {
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + channel);
                }
                PGConnection pg = c.unwrap(PGConnection.class);
                listening = true;
                wake.run(); // notifications sent while we were not listening are lost: read once
                while (!closed) {
                    var notes = pg.getNotifications(WAIT_MILLIS);
                    if (notes != null && fromElsewhere(notes, ownPayload)) {
                        wake.run();
                    }
                }
            } catch (Exception e) {
                listening = false;
                if (closed) {
                    return;
                }
                LOG.warn("LISTEN {} connection lost ({}); polling the change log until it is back", channel,
                        e.getMessage());
                try {
                    Thread.sleep(RETRY.toMillis());
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    /** Whether any of {@code notes} came from another instance (or from no instance in particular). */
    static boolean fromElsewhere(org.postgresql.PGNotification[] notes, String ownPayload) {
        for (org.postgresql.PGNotification n : notes) {
            if (ownPayload == null || !ownPayload.equals(n.getParameter())) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join(WAIT_MILLIS * 4L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
