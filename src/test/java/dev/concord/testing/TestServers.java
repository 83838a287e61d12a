package dev.concord.testing;

import dev.concord.server.ConcordServer;
import dev.concord.server.ServerConfig;

/** Demo servers for tests: in-memory H2, or a fresh database on the shared embedded PostgreSQL. */
public final class TestServers {
    private TestServers() {
    }

    /** The database a test server runs on. */
    public enum Backend {
        H2, POSTGRES;

        /** A demo-seeded server on a free port, with a database of its own. */
        public ConcordServer startDemo() {
            return switch (this) {
                case H2 -> ConcordServer.start(ServerConfig.demoInMemory());
                case POSTGRES -> {
                    EmbeddedPostgresFixture.PgDatabase db = EmbeddedPostgresFixture.freshDatabase();
                    yield ConcordServer.start(ServerConfig.demoOn(db.jdbcUrl(), db.user(), db.password()));
                }
            };
        }
    }

    public static ConcordServer h2Demo() {
        return Backend.H2.startDemo();
    }

    public static ConcordServer postgresDemo() {
        return Backend.POSTGRES.startDemo();
    }
}
