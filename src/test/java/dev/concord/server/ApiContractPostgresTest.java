package dev.concord.server;

import dev.concord.testing.TestServers;

/** The API contract against a real PostgreSQL (embedded, started by the tests). */
class ApiContractPostgresTest extends ApiContractSuite {
    @Override
    ConcordServer startServer() {
        return TestServers.postgresDemo();
    }
}
