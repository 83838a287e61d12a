package dev.concord.server;

import dev.concord.testing.TestServers;

/** The strict contract against a real PostgreSQL (embedded, started by the tests). */
class StrictContractPostgresTest extends StrictContractSuite {
    @Override
    ConcordServer startServer() {
        return TestServers.postgresDemo();
    }
}
