package dev.concord.server;

import dev.concord.testing.TestServers;

/** Keyed writes against H2 (in memory). */
class KeyedWritesH2Test extends KeyedWritesSuite {
    @Override
    ConcordServer startServer() {
        return TestServers.h2Demo();
    }
}
