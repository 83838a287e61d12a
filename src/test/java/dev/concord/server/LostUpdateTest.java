package dev.concord.server;

import static dev.concord.testing.ApiTestClient.patchBody;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.concord.testing.ApiTestClient;
import dev.concord.testing.ApiTestClient.Response;
import dev.concord.testing.EmbeddedPostgresFixture;
import dev.concord.testing.TestServers;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The reason the product exists: 8 writers each add 1 to the same amount 50 times with read-modify-write,
 * retrying on 409. If any write were lost the total would fall short of 400.
 */
class LostUpdateTest {
    private static final int WRITERS = 8;
    private static final int INCREMENTS = 50;
    private static final String PATH = "/api/v1/subscriptions/sub_0040";
    private static final String[] TOKENS = {"demo-alice", "demo-bob", "demo-billing", "demo-admin"};

    @Test
    void noIncrementIsLostOnOneServerWithH2() throws Exception {
        try (ConcordServer server = TestServers.h2Demo()) {
            hammer(List.of(new ApiTestClient(server.baseUrl())));
        }
    }

    @Test
    void noIncrementIsLostOnTwoServersSharingOnePostgres() throws Exception {
        EmbeddedPostgresFixture.PgDatabase db = EmbeddedPostgresFixture.freshDatabase();
        try (ConcordServer a = ConcordServer.start(ServerConfig.demoOn(db.jdbcUrl(), db.user(), db.password()));
             ConcordServer b = ConcordServer.start(ServerConfig.demoOn(db.jdbcUrl(), db.user(), db.password()))) {
            assertThat(a.seededDemoData()).isTrue();
            assertThat(b.seededDemoData()).as("the second instance finds the data there").isFalse();
            hammer(List.of(new ApiTestClient(a.baseUrl()), new ApiTestClient(b.baseUrl())));
        }
    }

    private static void hammer(List<ApiTestClient> servers) throws Exception {
        ApiTestClient first = servers.get(0);
        long start = first.get("demo-alice", PATH).data().path("version").asLong();
        Response reset = first.patch("demo-alice", PATH, patchBody(start, Map.of("amount", "0.00")));
        assertThat(reset.status()).isEqualTo(200);
        long base = start + 1;
        AtomicInteger conflicts = new AtomicInteger();

        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            ApiTestClient api = servers.get(w % servers.size());
            String token = TOKENS[w % TOKENS.length];
            done.add(pool.submit(() -> {
                go.await();
                for (int i = 0; i < INCREMENTS; i++) {
                    incrementOnce(api, token, conflicts);
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> f : done) {
            f.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();

        JsonNode end = first.get("demo-viewer", PATH).data();
        assertThat(new BigDecimal(end.path("amount").asText())).isEqualByComparingTo("400.00");
        assertThat(end.path("version").asLong()).isEqualTo(base + WRITERS * INCREMENTS);
        for (ApiTestClient other : servers) {
            assertThat(other.get("demo-viewer", PATH).data()).isEqualTo(end);
        }

        Map<Long, Integer> updatesPerVersion = new TreeMap<>();
        for (JsonNode e : first.history("demo-viewer", PATH)) {
            if (e.path("kind").asText().equals("update")) {
                updatesPerVersion.merge(e.path("version").asLong(), 1, Integer::sum);
            }
        }
        assertThat(updatesPerVersion).hasSize(WRITERS * INCREMENTS + 1);
        assertThat(updatesPerVersion.values()).containsOnly(1);
        assertThat(updatesPerVersion.keySet()).first().isEqualTo(base);
        assertThat(updatesPerVersion.keySet()).last().isEqualTo(base + WRITERS * INCREMENTS);
        // Every number from the first to the last version: contiguous.
        assertThat(updatesPerVersion.keySet().stream().mapToLong(Long::longValue).sum())
                .isEqualTo((base + base + WRITERS * INCREMENTS) * (WRITERS * INCREMENTS + 1) / 2);
        // With 8 writers on one record, conflicts must have happened, or the test proved nothing.
        assertThat(conflicts.get()).isPositive();
    }

    /** Read, add one, write with the version read; on a conflict start again from the current record. */
    private static void incrementOnce(ApiTestClient api, String token, AtomicInteger conflicts) {
        JsonNode record = api.get(token, PATH).data();
        for (int attempt = 0; attempt < 1000; attempt++) {
            BigDecimal next = new BigDecimal(record.path("amount").asText()).add(BigDecimal.ONE);
            Response r = api.patch(token, PATH, patchBody(record.path("version").asLong(),
                    Map.of("amount", next.toPlainString())));
            if (r.status() == 200) {
                return;
            }
            assertThat(r.status()).as(r.toString()).isEqualTo(409);
            conflicts.incrementAndGet();
            record = r.error().path("current");
        }
        throw new AssertionError("an increment did not land in 1000 attempts");
    }
}
