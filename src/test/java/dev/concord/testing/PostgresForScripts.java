package dev.concord.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

/**
 * A PostgreSQL for shell scripts (packaging/server/test-package-server.sh): the tests' embedded
 * PostgreSQL, started on a free port with an empty database {@code concord}. Writes
 * {@code jdbc-url user password} on one line to the file given as the first argument once it accepts
 * connections, and stops when its standard input closes (the script ends or kills it).
 */
public final class PostgresForScripts {
    private PostgresForScripts() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: PostgresForScripts READY_FILE");
            System.exit(2);
        }
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setServerConfig("max_connections", "100").start()) {
            try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE concord");
            }
            Path ready = Path.of(args[0]);
            Path tmp = ready.resolveSibling(ready.getFileName() + ".tmp");
            Files.writeString(tmp, pg.getJdbcUrl("postgres", "concord") + " postgres postgres\n");
            Files.move(tmp, ready, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            System.out.println("postgres ready on port " + pg.getPort());
            while (System.in.read() >= 0) {
                // Wait for the script to close our standard input.
            }
        }
    }
}
