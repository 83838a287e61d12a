package dev.concord.server;

import dev.concord.testing.TestServers;

/** Conditional requests and the other RFC 9110 rules of the contract, on Postgres. */
class ConditionalContractPostgresTest extends ConditionalContractSuite {
    @Override
    ConcordServer startServer() {
        return TestServers.postgresDemo();
    }
}
