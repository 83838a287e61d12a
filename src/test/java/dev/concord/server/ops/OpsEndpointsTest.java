package dev.concord.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.concord.server.ConcordServer;
import dev.concord.server.Deployment;
import dev.concord.server.ServerConfig;
import dev.concord.testing.ApiTestClient;
import dev.concord.testing.ApiTestClient.Response;
import java.io.PrintWriter;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;

/** What an operator sees: the request log, the health probes, /metrics and who may read it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpsEndpointsTest {
    private ConcordServer server;
    private ApiTestClient api;
    private final ListAppender<ILoggingEvent> requests = new ListAppender<>();

    @BeforeAll
    void start() {
        server = ConcordServer.start(ServerConfig.demoInMemory(), Deployment.defaults().withMetricsPort(0));
        api = new ApiTestClient(server.baseUrl());
        requests.start();
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("concord.request")).addAppender(requests);
    }

    @AfterAll
    void stop() {
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("concord.request")).detachAppender(requests);
        server.close();
    }

    @Test
    void oneLogLinePerRequestWithIdActorRouteTemplateStatusAndTime() {
        Response r = api.send("GET", "demo-alice", "/api/v1/subscriptions/sub_0003", null, null, "X-Request-Id", "log-42");
        assertThat(r.status()).isEqualTo(200);
        api.get(null, "/api/v1/subscriptions/sub_0003");

        ILoggingEvent line = lineFor("log-42");
        assertThat(line.getFormattedMessage())
                .startsWith("log-42 alice GET /api/v1/subscriptions/{id} 200 ")
                .endsWith(" ms");
        assertThat(line.getKeyValuePairs()).extracting(kv -> kv.key)
                .containsExactly("requestId", "actor", "method", "route", "status", "ms");
        assertThat(requests.list).anySatisfy(e -> assertThat(e.getFormattedMessage())
                .contains(" - GET ").contains(" 401 "));
    }

    private ILoggingEvent lineFor(String requestId) {
        return requests.list.stream().filter(e -> e.getFormattedMessage().startsWith(requestId + " "))
                .findFirst().orElseThrow(() -> new AssertionError("no request log line for " + requestId + " in "
                        + requests.list.stream().map(ILoggingEvent::getFormattedMessage).toList()));
    }

    @Test
    void liveAndReadyAnswerWithoutToken() {
        assertThat(api.get(null, "/health/live").status()).isEqualTo(200);
        Response ready = api.get(null, "/health/ready");
        assertThat(ready.status()).as(ready.toString()).isEqualTo(200);
        assertThat(ready.data().path("status").asText()).isEqualTo("ready");
        assertThat(api.get(null, "/health").data().path("status").asText()).isEqualTo("ok");
    }

    @Test
    void metricsAreForAdminsOnTheApiPortAndOpenOnTheMetricsPort() {
        api.patch("demo-alice", "/api/v1/subscriptions/sub_0004", ApiTestClient.patchBody(1L, java.util.Map.of("notes", "x")));
        api.patch("demo-alice", "/api/v1/subscriptions/sub_0004", ApiTestClient.patchBody(1L, java.util.Map.of("notes", "y")));

        assertThat(api.get(null, "/metrics").status()).isEqualTo(401);
        assertThat(api.get("demo-alice", "/metrics").status()).isEqualTo(403);
        Response admin = api.get("demo-admin", "/metrics");
        assertThat(admin.status()).isEqualTo(200);
        assertThat(admin.header("Content-Type")).startsWith("text/plain");
        assertThat(admin.body())
                .contains("http_server_requests_seconds_count{method=\"PATCH\"")
                .contains("status=\"409\"")
                .containsPattern("concord_write_conflicts_total [1-9]")
                .contains("hikaricp_connections_active")
                .contains("concord_events_streams_open")
                .contains("concord_changelog_lag")
                .doesNotContain("sub_0004");

        ApiTestClient metricsPort = new ApiTestClient("http://127.0.0.1:" + server.metricsPort());
        Response open = metricsPort.get(null, "/metrics");
        assertThat(open.status()).isEqualTo(200);
        assertThat(open.body()).contains("concord_write_conflicts_total");
        assertThat(metricsPort.get("demo-admin", "/api/v1/subscriptions/sub_0004").status())
                .as("the metrics port serves no API").isEqualTo(404);
    }

    @Test
    void readinessFailsWithinItsTimeoutWhenTheDatabaseHangs() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        try (ReadinessProbe probe = new ReadinessProbe(new HangingDataSource(never), Duration.ofMillis(200))) {
            ReadinessProbe.Result r = probe.check();
            assertThat(r.ready()).isFalse();
            assertThat(r.detail()).contains("did not answer within 200 ms");
        } finally {
            never.countDown();
        }
    }

    /** A database that never hands out a connection. */
    private record HangingDataSource(CountDownLatch release) implements DataSource {
        @Override
        public Connection getConnection() throws java.sql.SQLException {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new java.sql.SQLException("released");
        }

        @Override
        public Connection getConnection(String u, String p) throws java.sql.SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> iface) {
            return null;
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
