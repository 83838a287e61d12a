package dev.concord.server;

import dev.concord.testing.TestServers;

/** Create, retire, restore and import against the embedded H2 database. */
class LifecycleH2Test extends LifecycleSuite {
    @Override
    ConcordServer startServer() {
        return TestServers.h2Demo();
    }
}
