package dev.concord.testing;

import dev.concord.server.ConcordServer;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A demo server for one test class and an HTTP client of it, started before the first test and closed
 * after the last: {@code @RegisterExtension final DemoServerFixture demo = new DemoServerFixture(TestServers::h2Demo);}
 * (an instance field in a {@code PER_CLASS} suite whose subclasses pick the database, or a static field).
 */
public final class DemoServerFixture implements BeforeAllCallback, AfterAllCallback {
    private final Supplier<ConcordServer> start;
    private ConcordServer server;
    private ApiTestClient api;

    public DemoServerFixture(Supplier<ConcordServer> start) {
        this.start = start;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        server = start.get();
        api = new ApiTestClient(server.baseUrl());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    public ConcordServer server() {
        return server;
    }

    public ApiTestClient api() {
        return api;
    }
}
