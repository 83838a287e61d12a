package dev.concord.server.ops;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether this instance can serve: the database answers a validity check within a short time. Runs the
 * check on a thread of its own so a hung database or an exhausted pool costs the caller the timeout, not
 * the pool's connection timeout.
 */
public final class ReadinessProbe implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReadinessProbe.class);

    /** What the probe found; {@code detail} is safe to show (no library class names). */
    public record Result(boolean ready, String detail) {
    }

    private final DataSource dataSource;
    private final Duration timeout;
    private final ExecutorService checker = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "concord-readiness");
        t.setDaemon(true);
        return t;
    });

    public ReadinessProbe(DataSource dataSource, Duration timeout) {
        this.dataSource = dataSource;
        this.timeout = timeout;
    }

    public Result check() {
        Future<Boolean> ping = checker.submit(this::ping);
        try {
            return ping.get(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    ? new Result(true, "database answered")
                    : new Result(false, "database connection is not valid");
        } catch (TimeoutException e) {
            ping.cancel(true);
            return new Result(false, "database did not answer within " + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(false, "interrupted");
        } catch (java.util.concurrent.ExecutionException e) {
            LOG.warn("Readiness check: the database cannot be reached", e.getCause());
            return new Result(false, "database cannot be reached");
        }
    }

    private boolean ping() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return c.isValid((int) Math.max(1, timeout.toSeconds()));
        }
    }

    @Override
    public void close() {
        checker.shutdownNow();
    }
}
