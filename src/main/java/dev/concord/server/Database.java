package dev.concord.server;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** The connection pool, the migrations, and transactions around units of work. */
final class Database implements AutoCloseable {
    /** A unit of work on one connection inside one transaction. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    static final String CONNECTION_TIMEOUT_PROPERTY = "concord.db.connectionTimeoutMillis";
    private final String instanceTag = "concord-" + java.util.UUID.randomUUID().toString().substring(0, 13);
    private final HikariDataSource pool;
    private final boolean h2Memory;
    private final boolean postgres;
    private final String jdbcUrl;
    private final String user;
    private final String password;

    Database(String jdbcUrl, String user, String password) {
        this(jdbcUrl, user, password, Deployment.DEFAULT_POOL_SIZE);
    }

    Database(String jdbcUrl, String user, String password, int poolSize) {
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(jdbcUrl);
        if (user != null) {
            hc.setUsername(user);
        }
        if (password != null) {
            hc.setPassword(password);
        }
        hc.setPoolName("concord-db");
        // 10 by default: enough for a handful of concurrent writers on a small machine; PostgreSQL's default
        // limit is 100 connections, and several instances may share it (README "Run the service").
        hc.setMaximumPoolSize(poolSize);
        hc.setAutoCommit(true);
        // Set once per connection, not per transaction: on PostgreSQL every setTransactionIsolation call is a
        // round trip of its own (issue 16: the write path made seven where the bare UPDATE + INSERT make three).
        hc.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        // How long a request waits for a free connection before it is answered 503 (a system property so
        // the faults tests can provoke the timeout in moments).
        hc.setConnectionTimeout(Long.getLong(CONNECTION_TIMEOUT_PROPERTY, 10_000));
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            // Every connection of this pool names its instance; the NOTIFY of its writes carries the name, so
            // this instance's LISTEN can tell its own wake-ups (already handled after commit) from others'.
            hc.addDataSourceProperty("ApplicationName", instanceTag);
        }
        this.pool = new HikariDataSource(hc);
        this.h2Memory = jdbcUrl.startsWith("jdbc:h2:mem:");
        this.postgres = jdbcUrl.startsWith("jdbc:postgresql:");
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
    }

    /**
     * A connection outside the pool, for a caller that holds one for the server's whole life (the LISTEN
     * connection of the event reader) and would otherwise take a pooled one from the writers for good.
     */
    Connection openDedicated() throws SQLException {
        return java.sql.DriverManager.getConnection(jdbcUrl, user, password);
    }

    /**
     * The name of this pool's connections on PostgreSQL ({@code application_name}), which the NOTIFY of its
     * writes carries as payload ({@link ChangeLog#NOTIFY_SELF}).
     */
    String instanceTag() {
        return instanceTag;
    }

    void migrate() {
        migrateCounting();
    }

    /** Applies pending migrations; returns how many ran. */
    int migrateCounting() {
        return Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate().migrationsExecuted;
    }

    DataSource dataSource() {
        return pool;
    }

    boolean isPostgres() throws SQLException {
        try (Connection c = pool.getConnection()) {
            return c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
        }
    }

    /** Runs {@code work} in one READ COMMITTED transaction (the pool's level); commits when it returns, rolls back when it throws. */
    <T> T inTransaction(Work<T> work) {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c, e);
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StorageException(e);
        }
    }

    /** Whether this pool is on PostgreSQL (from its URL: no connection asked). */
    boolean onPostgres() {
        return postgres;
    }

    /**
     * Runs {@code work} on a connection in autocommit mode: each statement commits by itself. For work whose
     * only write is one statement (PostgreSQL's UPDATE + log + NOTIFY), which is then atomic without BEGIN
     * and COMMIT around it: two round trips less (issue 16).
     */
    <T> T withoutTransaction(Work<T> work) {
        return readOnce(work);
    }

    /**
     * Runs {@code work}, which must be a single read statement, without a transaction around it: one round
     * trip instead of BEGIN ... COMMIT (a single statement sees one committed state either way).
     */
    <T> T readOnce(Work<T> work) {
        try (Connection c = pool.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new StorageException(e);
        }
    }

    private static void rollbackQuietly(Connection c, Exception cause) {
        try {
            c.rollback();
        } catch (SQLException rollbackFailure) {
            cause.addSuppressed(rollbackFailure);
        }
    }

    @Override
    public void close() {
        if (h2Memory) {
            try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                s.execute("SHUTDOWN");
            } catch (SQLException e) {
                // The database is going away either way; nothing to recover.
                org.slf4j.LoggerFactory.getLogger(Database.class).debug("H2 shutdown: {}", e.getMessage());
            }
        }
        pool.close();
    }

    /**
     * Closes this pool only: an in-memory H2 database stays up for the other pool in this JVM that uses it
     * (a test's server, while an import of its own ran beside it).
     */
    void closePool() {
        pool.close();
    }
}
