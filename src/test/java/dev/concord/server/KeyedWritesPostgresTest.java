package dev.concord.server;

import dev.concord.testing.TestServers;

/** Keyed writes against a real PostgreSQL (embedded). */
class KeyedWritesPostgresTest extends KeyedWritesSuite {
    @Override
    ConcordServer startServer() {
        return TestServers.postgresDemo();
    }
}
