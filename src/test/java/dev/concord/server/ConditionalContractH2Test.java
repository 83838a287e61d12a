package dev.concord.server;

import dev.concord.testing.TestServers;

/** Conditional requests and the other RFC 9110 rules of the contract, on H2. */
class ConditionalContractH2Test extends ConditionalContractSuite {
    @Override
    ConcordServer startServer() {
        return TestServers.h2Demo();
    }
}
