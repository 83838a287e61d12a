package dev.concord.server;

import dev.concord.testing.TestServers;

/** The API contract against the embedded H2 database. */
class ApiContractH2Test extends ApiContractSuite {
    @Override
    ConcordServer startServer() {
        return TestServers.h2Demo();
    }
}
