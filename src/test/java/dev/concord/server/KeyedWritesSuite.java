package dev.concord.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.concord.testing.ApiTestClient;
import dev.concord.testing.DemoServerFixture;
import dev.concord.testing.ApiTestClient.Response;
import dev.concord.testing.SseTestClient;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.TestInstance;

/**
 * Writes sent with an Idempotency-Key (every write of the console and the CLI), which look the key up in the
 * read before the write and store the answer in the write's own statement (issue 16): the answer stored is the
 * row written, byte for byte; a key answers once, even for requests at the same moment; an expired answer frees
 * its key. Run once per database by its subclasses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class KeyedWritesSuite {
    static final String ALICE = "demo-alice";
    static final String VIEWER = "demo-viewer";

    @RegisterExtension
    final DemoServerFixture demo = new DemoServerFixture(this::startServer);

    abstract ConcordServer startServer();

    static String sub(String id) {
        return "/api/v1/subscriptions/" + id;
    }

    long versionOf(String path) {
        return demo.api().get(ALICE, path).data().path("version").asLong();
    }

    Response post(String body, String key) {
        return demo.api().send("POST", ALICE, "/api/v1/subscriptions", body, "application/json", "Idempotency-Key", key);
    }

    static String subscription(String name, String extra) {
        return "{" + extra + "\"customerName\": \"" + name + "\", \"customerEmail\": \"x@example.com\","
                + " \"planId\": \"plan_basic\", \"status\": \"active\", \"amount\": \"19.99\", \"currency\": \"EUR\","
                + " \"billingCycle\": \"monthly\"}";
    }

    /** The envelope's {@code data} exactly as sent. */
    static String rawData(Response r) {
        String body = r.body();
        return body.substring(body.indexOf("\"data\":"), body.lastIndexOf(",\"meta\":"));
    }

    @Test
    void aKeyedPatchAnswersTheRowItWroteAndAReplaySendsTheSameBytes() {
        long corrected = IdempotentRequests.CORRECTED.get();
        String path = sub("sub_0041");
        long v = versionOf(path);
        String body = ApiTestClient.patchBody(v, Map.of("notes", "keyed\nwrite", "tags", List.of("vip", "b2b"),
                "amount", "42.50", "status", "paused"));
        String key = UUID.randomUUID().toString();

        Response first = demo.api().patch(ALICE, path, body, "Idempotency-Key", key);
        Response again = demo.api().patch(ALICE, path, body, "Idempotency-Key", key);

        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(rawData(first)).as("the answer is the row as stored").isEqualTo(rawData(demo.api().get(ALICE, path)));
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(rawData(again)).isEqualTo(rawData(first));
        assertThat(again.header("ETag")).isEqualTo(first.header("ETag")).isEqualTo("\"" + (v + 1) + "\"");
        assertThat(versionOf(path)).isEqualTo(v + 1);
        assertThat(demo.api().history(ALICE, path)).hasSize(1);
        assertThat(demo.api().history(ALICE, path).get(0).path("kind").asText()).isEqualTo("update");
        assertThat(IdempotentRequests.CORRECTED.get()).as("the answer predicted before the write was exact")
                .isEqualTo(corrected);
    }

    @Test
    void aKeyedCreateAnswersTheRowItWroteOnceWithOrWithoutAnId() {
        long corrected = IdempotentRequests.CORRECTED.get();
        String key = UUID.randomUUID().toString();
        String name = "Keyed " + key.substring(0, 8);
        Response first = post(subscription(name, ""), key);
        Response again = post(subscription(name, ""), key);

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        String id = first.data().path("id").asText();
        assertThat(rawData(first)).isEqualTo(rawData(demo.api().get(ALICE, sub(id))));
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(rawData(again)).isEqualTo(rawData(first));
        assertThat(demo.api().get(ALICE, "/api/v1/subscriptions?q=" + key.substring(0, 8)).data()).hasSize(1);

        String given = "sub_k" + key.substring(0, 8);
        String withId = subscription(name + " given", "\"id\": \"" + given + "\", ");
        String key2 = UUID.randomUUID().toString();
        Response made = post(withId, key2);
        Response retried = post(withId, key2);
        assertThat(made.status()).isEqualTo(201);
        assertThat(retried.status()).as("a retry that names its id is no 409").isEqualTo(201);
        assertThat(rawData(retried)).isEqualTo(rawData(made));
        assertThat(post(subscription(name + " other", ""), key2).errorCode()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(IdempotentRequests.CORRECTED.get()).isEqualTo(corrected);
    }

    @Test
    void aCreateNamingARetiredPlanIsRefusedAndWritesNothing() {
        // On PostgreSQL the INSERT checks the reference itself; a refusal must still name the field, and win over
        // an id that is taken.
        Response plan = demo.api().send("POST", ALICE, "/api/v1/plans", "{\"name\": \"Gone Plan\", \"tier\": \"t\","
                + " \"price\": \"5.00\", \"currency\": \"EUR\", \"billingCycle\": \"monthly\"}", "application/json");
        String planId = plan.data().path("id").asText();
        assertThat(demo.api().send("DELETE", ALICE, "/api/v1/plans/" + planId + "?version=1", null, null).status()).isEqualTo(200);
        String key = UUID.randomUUID().toString();
        String body = subscription("Retired plan " + key.substring(0, 8), "").replace("plan_basic", planId);

        Response refused = post(body, key);
        Response taken = post(body.replace("{", "{\"id\": \"sub_0001\", "), UUID.randomUUID().toString());

        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.refusedFields()).containsExactly("planId");
        assertThat(taken.status()).as(taken.toString()).isEqualTo(422);
        assertThat(taken.refusedFields()).containsExactly("planId");
        assertThat(demo.api().get(ALICE, "/api/v1/subscriptions?q=" + key.substring(0, 8)).data()).isEmpty();
        Response fine = post(subscription("Live plan " + key.substring(0, 8), ""), key);
        assertThat(fine.status()).as("a refused write stored no answer for its key").isEqualTo(201);
    }

    @Test
    void oneKeySentForTwoRecordsAtOnceWritesOneOfThem() throws Exception {
        String a = sub("sub_0042");
        String b = sub("sub_0043");
        long va = versionOf(a);
        long vb = versionOf(b);
        String key = UUID.randomUUID().toString();
        List<Response> answers = atOnce(List.of(
                () -> demo.api().patch(ALICE, a, ApiTestClient.patchBody(va, Map.of("notes", "a")), "Idempotency-Key", key),
                () -> demo.api().patch(ALICE, b, ApiTestClient.patchBody(vb, Map.of("notes", "b")), "Idempotency-Key", key)));

        assertThat(answers).extracting(Response::status).containsExactlyInAnyOrder(200, 422);
        assertThat(answers).filteredOn(r -> r.status() == 422).extracting(Response::errorCode)
                .containsExactly("IDEMPOTENCY_KEY_REUSED");
        assertThat((versionOf(a) - va) + (versionOf(b) - vb)).as("one write, the other refused whole").isEqualTo(1);
        assertThat(demo.api().history(ALICE, a).size() + demo.api().history(ALICE, b).size()).isEqualTo(1);
    }

    @Test
    void copiesOfOneKeyedCreateAtOnceMakeOneRecord() throws Exception {
        String key = UUID.randomUUID().toString();
        String body = subscription("Twins " + key.substring(0, 8), "");
        List<Callable<Response>> copies = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            copies.add(() -> post(body, key));
        }
        List<Response> answers = atOnce(copies);

        assertThat(answers).extracting(Response::status).containsOnly(201);
        assertThat(answers).extracting(r -> r.data().path("id").asText()).containsOnly(answers.get(0).data().path("id").asText());
        assertThat(demo.api().get(ALICE, "/api/v1/subscriptions?q=" + key.substring(0, 8)).data()).hasSize(1);
    }

    @Test
    void anAnswerPastItsRetentionNoLongerHoldsItsKey() throws Exception {
        String patchKey = "expired-" + UUID.randomUUID();
        String postKey = "expired-" + UUID.randomUUID();
        storeExpired(patchKey);
        storeExpired(postKey);
        String path = sub("sub_0044");
        long v = versionOf(path);

        Response patched = demo.api().patch(ALICE, path, ApiTestClient.patchBody(v, Map.of("notes", "after expiry")),
                "Idempotency-Key", patchKey);
        Response created = post(subscription("After expiry", ""), postKey);

        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        assertThat(patched.header("Idempotent-Replayed")).isNull();
        assertThat(versionOf(path)).isEqualTo(v + 1);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.header("Idempotent-Replayed")).isNull();
        assertThat(demo.api().patch(ALICE, path, ApiTestClient.patchBody(v, Map.of("notes", "after expiry")),
                "Idempotency-Key", patchKey).header("Idempotent-Replayed")).as("the new answer holds it now").isEqualTo("true");
    }

    @Test
    void aKeyedPatchIsOneChangeEvent() {
        String path = sub("sub_0045");
        try (SseTestClient events = SseTestClient.connect(demo.server().baseUrl(), VIEWER, null)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> !events.comments().isEmpty());
            long v = versionOf(path);
            String body = ApiTestClient.patchBody(v, Map.of("notes", "evented"));
            String key = UUID.randomUUID().toString();
            assertThat(demo.api().patch(ALICE, path, body, "Idempotency-Key", key).status()).isEqualTo(200);
            assertThat(demo.api().patch(ALICE, path, body, "Idempotency-Key", key).status()).isEqualTo(200);
            String marker = sub("sub_0046");
            assertThat(demo.api().patch(ALICE, marker, ApiTestClient.patchBody(versionOf(marker), Map.of("notes", "m")))
                    .status()).isEqualTo(200);

            await().atMost(Duration.ofSeconds(10)).until(() -> events.events("change").stream()
                    .anyMatch(e -> e.json().path("id").asText().equals("sub_0046")));
            assertThat(events.events("change").stream().filter(e -> e.json().path("id").asText().equals("sub_0045"))
                    .map(e -> e.json().path("kind").asText() + "@" + e.json().path("version").asLong()))
                    .as("the replay is no event").containsExactly("update@" + (v + 1));
        }
    }

    /** An answer for alice's {@code key} stored 49 hours ago, for some other request. */
    private void storeExpired(String key) throws Exception {
        ServerConfig config = demo.server().config();
        try (Connection c = DriverManager.getConnection(config.jdbcUrl(), config.dbUser(), config.dbPassword());
             PreparedStatement ps = c.prepareStatement("INSERT INTO " + IdempotencyStore.INSERT_INTO
                     + " VALUES (?, ?, ?, 200, '\"1\"', '{}', ?)")) {
            ps.setString(1, "alice");
            ps.setString(2, key);
            ps.setString(3, "0".repeat(64));
            ps.setObject(4, OffsetDateTime.now(ZoneOffset.UTC).minus(IdempotencyStore.RETENTION).minusHours(1));
            ps.executeUpdate();
        }
    }

    private static List<Response> atOnce(List<Callable<Response>> requests) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(requests.size());
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Response>> futures = new ArrayList<>();
            for (Callable<Response> r : requests) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return r.call();
                }));
            }
            go.countDown();
            List<Response> out = new ArrayList<>();
            for (Future<Response> f : futures) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
