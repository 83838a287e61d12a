package dev.concord.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.concord.server.ConcordServer;
import dev.concord.server.ServerConfig;
import dev.concord.testing.ApiTestClient;
import dev.concord.testing.EmbeddedPostgresFixture;
import dev.concord.testing.TestServers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A client that timed out may resend while its first request is still being processed, possibly through
 * another instance behind the load balancer. However many copies of one PATCH (same Idempotency-Key, same
 * body) arrive at once, the change is written once and every copy gets the same answer.
 */
class ConcurrentRepeatsTest {
    private static final int COPIES = 8;
    private static final int ROUNDS = 10;
    private static final String PATH = "/api/v1/subscriptions/sub_0033";

    @Test
    void simultaneousCopiesOfOnePatchWriteOnceOnH2() throws Exception {
        try (ConcordServer server = TestServers.h2Demo()) {
            fire(List.of(new ApiTestClient(server.baseUrl())));
        }
    }

    @Test
    void simultaneousCopiesThroughTwoInstancesWriteOnceOnPostgres() throws Exception {
        EmbeddedPostgresFixture.PgDatabase db = EmbeddedPostgresFixture.freshDatabase();
        try (ConcordServer a = ConcordServer.start(ServerConfig.demoOn(db.jdbcUrl(), db.user(), db.password()));
             ConcordServer b = ConcordServer.start(ServerConfig.demoOn(db.jdbcUrl(), db.user(), db.password()))) {
            fire(List.of(new ApiTestClient(a.baseUrl()), new ApiTestClient(b.baseUrl())));
        }
    }

    private static void fire(List<ApiTestClient> servers) throws Exception {
        ApiTestClient check = servers.get(0);
        long start = check.get("demo-viewer", PATH).data().path("version").asLong();
        ExecutorService pool = Executors.newFixedThreadPool(COPIES);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                long version = start + round;
                String key = UUID.randomUUID().toString();
                String body = ApiTestClient.patchBody(version, Map.of("notes", "round " + round));
                CountDownLatch go = new CountDownLatch(1);
                List<Future<ApiTestClient.Response>> answers = new ArrayList<>();
                for (int c = 0; c < COPIES; c++) {
                    ApiTestClient api = servers.get(c % servers.size());
                    answers.add(pool.submit(() -> {
                        go.await();
                        return api.patch("demo-alice", PATH, body, "Idempotency-Key", key);
                    }));
                }
                go.countDown();
                JsonNode first = null;
                for (Future<ApiTestClient.Response> f : answers) {
                    ApiTestClient.Response r = f.get(60, TimeUnit.SECONDS);
                    assertThat(r.status()).as("round %d: %s", round, r).isEqualTo(200);
                    assertThat(r.header("ETag")).isEqualTo("\"" + (version + 1) + "\"");
                    if (first == null) {
                        first = r.data();
                    }
                    assertThat(r.data()).as("every copy gets the first answer").isEqualTo(first);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        JsonNode end = check.get("demo-viewer", PATH).data();
        assertThat(end.path("version").asLong()).as("one write per round").isEqualTo(start + ROUNDS);
        assertThat(end.path("notes").asText()).isEqualTo("round " + (ROUNDS - 1));
        List<Long> versions = new ArrayList<>();
        for (JsonNode e : check.history("demo-viewer", PATH)) {
            assertThat(e.path("kind").asText()).as("no copy was refused as a conflict").isEqualTo("update");
            versions.add(e.path("version").asLong());
        }
        assertThat(versions).hasSize(ROUNDS).doesNotHaveDuplicates();
    }
}
