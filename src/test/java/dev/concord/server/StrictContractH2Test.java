package dev.concord.server;

import dev.concord.testing.TestServers;

/** The strict contract against the embedded H2 database. */
class StrictContractH2Test extends StrictContractSuite {
    @Override
    ConcordServer startServer() {
        return TestServers.h2Demo();
    }
}
