package dev.concord.server;

import dev.concord.testing.TestServers;

/** Create, retire, restore and import against a real PostgreSQL. */
class LifecyclePostgresTest extends LifecycleSuite {
    @Override
    ConcordServer startServer() {
        return TestServers.postgresDemo();
    }
}
