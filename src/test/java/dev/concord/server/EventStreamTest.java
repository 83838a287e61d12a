package dev.concord.server;

import static dev.concord.testing.ApiTestClient.patchBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.concord.testing.ApiTestClient;
import dev.concord.testing.EmbeddedPostgresFixture;
import dev.concord.testing.SseTestClient;
import dev.concord.testing.TestServers;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** {@code GET /api/v1/events} over real HTTP (issue 6, server part). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EventStreamTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String RESET = "reset";
    private ConcordServer server;
    private ApiTestClient api;

    @BeforeAll
    void start() {
        System.setProperty(ConcordServer.HEARTBEAT_PROPERTY, "300");
        try {
            server = TestServers.h2Demo();
        } finally {
            System.clearProperty(ConcordServer.HEARTBEAT_PROPERTY);
        }
        api = new ApiTestClient(server.baseUrl());
    }

    @AfterAll
    void stop() {
        server.close();
    }

    /** Makes {@code n} writes spread over a few records; returns what each wrote as "id@version by actor". */
    private List<String> write(int n, String prefix) {
        List<String> done = new ArrayList<>();
        String[] tokens = {"demo-alice", "demo-bob", "demo-billing"};
        for (int i = 0; i < n; i++) {
            String id = String.format("sub_%04d", 41 + i % 3);
            String path = "/api/v1/subscriptions/" + id;
            long v = api.get("demo-viewer", path).data().path("version").asLong();
            ApiTestClient.Response r = api.patch(tokens[i % 3], path, patchBody(v, Map.of("notes", prefix + i + "\n")));
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            done.add(id + "@" + (v + 1) + " by " + r.data().path("updatedBy").asText());
        }
        return done;
    }

    private static List<String> described(List<SseTestClient.Event> events) {
        return events.stream().map(SseTestClient.Event::json)
                .map(j -> j.path("id").asText() + "@" + j.path("version").asLong() + " by " + j.path("actor").asText())
                .toList();
    }

    @Test
    void twoSubscribersReceiveEveryWriteInOrder() {
        try (SseTestClient one = SseTestClient.connect(server.baseUrl(), "demo-viewer", null);
             SseTestClient two = SseTestClient.connect(server.baseUrl(), "demo-alice", null)) {
            assertThat(one.status()).isEqualTo(200);
            await().atMost(WAIT).until(() -> !one.comments().isEmpty() && !two.comments().isEmpty());
            List<String> writes = write(12, "two-subscribers ");
            await().atMost(WAIT).until(() -> one.events("change").size() >= 12 && two.events("change").size() >= 12);
            assertThat(described(one.events("change"))).containsExactlyElementsOf(writes);
            assertThat(described(two.events("change"))).containsExactlyElementsOf(writes);
            JsonNode first = one.events("change").get(0).json();
            assertThat(first.path("entity").asText()).isEqualTo("subscriptions");
            assertThat(first.path("kind").asText()).isEqualTo("update");
            assertThat(first.path("fields")).hasSize(1);
            assertThat(first.path("fields").get(0).asText()).isEqualTo("notes");
            assertThat(first.has("notes")).as("names of fields, never values").isFalse();
            List<Long> ids = one.events("change").stream().map(e -> Long.parseLong(e.id())).toList();
            assertThat(ids).isSorted().doesNotHaveDuplicates();
            assertThat(ids.get(0)).isEqualTo(first.path("seq").asLong());
        }
    }

    @Test
    void resumingWithLastEventIdMissesNothing() {
        String lastSeen;
        List<String> before;
        try (SseTestClient sub = SseTestClient.connect(server.baseUrl(), "demo-bob", null)) {
            await().atMost(WAIT).until(() -> !sub.comments().isEmpty());
            before = write(3, "before ");
            await().atMost(WAIT).until(() -> sub.events("change").size() >= 3);
            lastSeen = sub.events("change").get(2).id();
        }
        List<String> missed = write(5, "while away ");
        try (SseTestClient back = SseTestClient.connect(server.baseUrl(), "demo-bob", lastSeen)) {
            await().atMost(WAIT).until(() -> back.events("change").size() >= 5);
            List<String> after = write(2, "after ");
            await().atMost(WAIT).until(() -> back.events("change").size() >= 7);
            List<String> expected = new ArrayList<>(missed);
            expected.addAll(after);
            assertThat(described(back.events("change"))).containsExactlyElementsOf(expected);
            assertThat(described(back.events("change"))).doesNotContainAnyElementsOf(before);
        }
    }

    @Test
    void refusedWritesAreNoEventsAndIdleStreamsGetHeartbeats() {
        try (SseTestClient sub = SseTestClient.connect(server.baseUrl(), "demo-viewer", null)) {
            await().atMost(WAIT).until(() -> sub.comments().contains("heartbeat"));
            String path = "/api/v1/subscriptions/sub_0045";
            long v = api.get("demo-viewer", path).data().path("version").asLong();
            assertThat(api.patch("demo-bob", path, patchBody(v - 1 < 1 ? 99 : v - 1, Map.of("notes", "stale"))).status())
                    .isEqualTo(409);
            assertThat(api.patch("demo-bob", path, patchBody(v, Map.of("notes", "fresh"))).status()).isEqualTo(200);
            await().atMost(WAIT).until(() -> !sub.events("change").isEmpty());
            assertThat(described(sub.events("change"))).containsExactly("sub_0045@" + (v + 1) + " by bob");
        }
    }

    @Test
    void presenceIsAnnouncedListedPushedAndLeft() {
        String path = "/api/v1/subscriptions/sub_0050/presence";
        try (SseTestClient alice = SseTestClient.connect(server.baseUrl(), "demo-alice", null)) {
            await().atMost(WAIT).until(() -> !alice.comments().isEmpty());
            ApiTestClient.Response put = api.send("PUT", "demo-bob", path, "{\"state\":\"editing\"}", "application/json");
            assertThat(put.status()).as(put.toString()).isEqualTo(200);
            assertThat(put.data().path("expiresAt").asText()).isNotBlank();
            JsonNode listed = api.get("demo-alice", path).data();
            assertThat(listed).hasSize(1);
            assertThat(listed.get(0).path("actor").asText()).isEqualTo("bob");
            assertThat(listed.get(0).path("state").asText()).isEqualTo("editing");
            await().atMost(WAIT).until(() -> !alice.events("presence").isEmpty());
            SseTestClient.Event pushed = alice.events("presence").get(0);
            assertThat(pushed.id()).as("presence carries no event id").isNull();
            assertThat(pushed.json().path("actor").asText()).isEqualTo("bob");
            assertThat(pushed.json().path("entity").asText()).isEqualTo("subscriptions");
            assertThat(pushed.json().path("id").asText()).isEqualTo("sub_0050");

            assertThat(api.send("DELETE", "demo-bob", path, null, null).status()).isEqualTo(200);
            assertThat(api.get("demo-alice", path).data()).isEmpty();
            await().atMost(WAIT).until(() -> alice.events("presence").size() >= 2);
            assertThat(alice.events("presence").get(1).json().path("state").asText()).isEqualTo("left");
        }
    }

    @Test
    void presenceRefusesBadRequests() {
        String path = "/api/v1/subscriptions/sub_0051/presence";
        assertThat(api.send("PUT", "demo-viewer", path, "{\"state\":\"editing\"}", "application/json").status())
                .isEqualTo(403);
        assertThat(api.send("PUT", "demo-viewer", path, "{\"state\":\"viewing\"}", "application/json").status())
                .isEqualTo(200);
        ApiTestClient.Response badState = api.send("PUT", "demo-bob", path, "{\"state\":\"lurking\"}", "application/json");
        assertThat(badState.status()).isEqualTo(422);
        assertThat(badState.refusedFields()).containsExactly("state");
        assertThat(api.send("PUT", "demo-bob", path, "{oops", "application/json").status()).isEqualTo(400);
        assertThat(api.send("PUT", "demo-bob", path, "{\"state\":\"viewing\"}", "text/plain").status()).isEqualTo(415);
        assertThat(api.send("PUT", "demo-bob", "/api/v1/subscriptions/sub_9999/presence", "{\"state\":\"viewing\"}",
                "application/json").status()).isEqualTo(404);
        assertThat(api.send("PUT", null, path, "{\"state\":\"viewing\"}", "application/json").status()).isEqualTo(401);
    }

    @Test
    void theStreamNeedsAValidTokenAndAValidLastEventId() {
        try (SseTestClient none = SseTestClient.connect(server.baseUrl(), null, null);
             SseTestClient wrong = SseTestClient.connect(server.baseUrl(), "expired-token", null)) {
            assertThat(none.status()).isEqualTo(401);
            assertThat(wrong.status()).isEqualTo(401);
            // Refused before any stream starts: the connection is not held.
            await().atMost(WAIT).until(() -> none.ended() && wrong.ended());
        }
    }

    @Test
    void aSubscriberThatNeverReadsDoesNotHoldUpWriters() throws Exception {
        try (Socket stuck = new Socket()) {
            stuck.setReceiveBufferSize(1024);
            stuck.connect(new java.net.InetSocketAddress("127.0.0.1", server.port()));
            OutputStream out = stuck.getOutputStream();
            out.write(("GET /api/v1/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer demo-viewer\r\n"
                    + "Accept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = stuck.getInputStream();
            assertThat(in.read()).as("the stream started").isNotEqualTo(-1);
            // From here on the socket is never read again.
            try (SseTestClient healthy = SseTestClient.connect(server.baseUrl(), "demo-alice", null)) {
                await().atMost(WAIT).until(() -> !healthy.comments().isEmpty());
                long started = System.nanoTime();
                List<String> writes = write(60, "x".repeat(50) + " ");
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                // Generous bound: the point is that writes complete at all while a subscriber is stuck.
                assertThat(took).isLessThan(Duration.ofSeconds(30));
                await().atMost(WAIT).until(() -> healthy.events("change").size() >= 60);
                assertThat(described(healthy.events("change"))).containsExactlyElementsOf(writes);
            }
        }
    }

    @Test
    void writesThroughOneInstanceReachStreamsOfAnotherOnPostgresByNotifyWithoutPerStreamQueries() {
        EmbeddedPostgresFixture.PgDatabase db = EmbeddedPostgresFixture.freshDatabase();
        // Polling every ten minutes: anything that arrives in time was woken by LISTEN/NOTIFY.
        System.setProperty("concord.events.pollMillis", "600000");
        ConcordServer a;
        ConcordServer b;
        try {
            a = ConcordServer.start(ServerConfig.demoOn(db.jdbcUrl(), db.user(), db.password()));
            b = ConcordServer.start(ServerConfig.demoOn(db.jdbcUrl(), db.user(), db.password()));
        } finally {
            System.clearProperty("concord.events.pollMillis");
        }
        List<SseTestClient> onB = new ArrayList<>();
        try (a; b) {
            for (String token : List.of("demo-viewer", "demo-alice", "demo-bob")) {
                for (int i = 0; i < 8; i++) {
                    onB.add(SseTestClient.connect(b.baseUrl(), token, null));
                }
            }
            await().atMost(WAIT).until(() -> onB.stream().allMatch(c -> !c.comments().isEmpty()));
            long callsBefore = b.events().storeCalls();
            ApiTestClient viaA = new ApiTestClient(a.baseUrl());
            String path = "/api/v1/invoices/inv_0007";
            assertThat(viaA.patch("demo-billing", path, patchBody(1L, Map.of("status", "paid", "notes", "settled")))
                    .status()).isEqualTo(200);
            assertThat(viaA.patch("demo-billing", path, patchBody(2L, Map.of("notes", "settled twice")))
                    .status()).isEqualTo(200);
            assertThat(viaA.send("PUT", "demo-alice", path + "/presence", "{\"state\":\"editing\"}", "application/json")
                    .status()).isEqualTo(200);
            await().atMost(WAIT).until(() -> onB.stream().allMatch(c -> c.events("change").size() >= 2
                    && !c.events("presence").isEmpty()));
            for (SseTestClient c : onB) {
                assertThat(described(c.events("change"))).containsExactly("inv_0007@2 by billing-bot",
                        "inv_0007@3 by billing-bot");
            }
            JsonNode p = onB.get(0).events("presence").get(0).json();
            assertThat(p.path("actor").asText() + " " + p.path("state").asText() + " " + p.path("id").asText())
                    .isEqualTo("alice editing inv_0007");
            assertThat(p.path("expiresIn").asLong()).as("seconds left on the server's clock").isBetween(1L, 30L);
            // Three wake-ups read the log a few times each, for all 24 streams together: not per stream.
            assertThat(b.events().storeCalls() - callsBefore).isLessThan(onB.size());
        } finally {
            onB.forEach(SseTestClient::close);
        }
    }

    @Test
    void aBogusLastEventIdIsRefusedAndOneAheadOfTheLogGetsAReset() {
        for (String bogus : List.of("yesterday", "-1", "1234567890123456789012", "12.5")) {
            try (SseTestClient bad = SseTestClient.connect(server.baseUrl(), "demo-viewer", bogus)) {
                assertThat(bad.status()).as(bogus).isEqualTo(400);
                await().atMost(WAIT).until(bad::ended);
            }
        }
        write(1, "before the reset ");
        try (SseTestClient ahead = SseTestClient.connect(server.baseUrl(), "demo-viewer", "999999999")) {
            assertThat(ahead.status()).isEqualTo(200);
            await().atMost(WAIT).until(() -> !ahead.events(RESET).isEmpty());
            SseTestClient.Event reset = ahead.events(RESET).get(0);
            long head = server.events().head();
            assertThat(reset.id()).isEqualTo(Long.toString(head));
            assertThat(reset.json().path("lastEventId").asLong()).isEqualTo(head);
            assertThat(reset.json().path("message").asText()).contains("Reload").contains("ahead");
            List<String> after = write(2, "after the reset ");
            await().atMost(WAIT).until(() -> ahead.events("change").size() >= 2);
            assertThat(described(ahead.events("change"))).containsExactlyElementsOf(after);
        }
    }

    @Test
    void aStreamOpenedWithTheHighWaterMarkOfAListGetsEveryWriteTheListMissed() {
        ApiTestClient.Response list = api.get("demo-alice", "/api/v1/subscriptions?limit=5");
        String mark = list.header(EventRoutes.HIGH_WATER_HEADER);
        assertThat(mark).as("the list says how far the events had got").matches("\\d+");
        List<String> between = write(2, "between list and stream ");
        try (SseTestClient sub = SseTestClient.connect(server.baseUrl(), "demo-alice", mark)) {
            await().atMost(WAIT).until(() -> sub.events("change").size() >= 2);
            assertThat(described(sub.events("change"))).containsExactlyElementsOf(between);
        }
    }

    @Test
    void eachCallerMayHoldEightStreamsAndTheNinthIsToldWhenToRetry() {
        List<SseTestClient> held = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                held.add(SseTestClient.connect(server.baseUrl(), "demo-billing", null));
                assertThat(held.get(i).status()).isEqualTo(200);
            }
            try (SseTestClient ninth = SseTestClient.connect(server.baseUrl(), "demo-billing", null);
                 SseTestClient other = SseTestClient.connect(server.baseUrl(), "demo-admin", null)) {
                assertThat(ninth.status()).isEqualTo(429);
                assertThat(ninth.header("Retry-After")).isEqualTo("5");
                await().atMost(WAIT).until(ninth::ended);
                assertThat(other.status()).as("the cap is per caller").isEqualTo(200);
            }
            held.remove(0).close();
            // The server notices the hang-up at the next heartbeat; then the caller may open one again.
            await().atMost(WAIT).until(() -> {
                try (SseTestClient again = SseTestClient.connect(server.baseUrl(), "demo-billing", null)) {
                    return again.status() == 200;
                }
            });
        } finally {
            held.forEach(SseTestClient::close);
        }
    }

    @Test
    void openStreamsHoldNoRequestThread() {
        List<SseTestClient> open = new ArrayList<>();
        try {
            for (String token : List.of("demo-viewer", "demo-alice", "demo-bob", "demo-admin")) {
                for (int i = 0; i < 8; i++) {
                    open.add(SseTestClient.connect(server.baseUrl(), token, null));
                }
            }
            await().atMost(WAIT).until(() -> open.stream().allMatch(c -> !c.comments().isEmpty()));
            assertThat(server.events().streamCount()).isGreaterThanOrEqualTo(open.size());
            // No thread but the hub's own reader and writers is anywhere inside the stream machinery.
            Thread.getAllStackTraces().forEach((t, stack) -> {
                if (!t.getName().startsWith("concord-events-")) {
                    assertThat(java.util.Arrays.stream(stack).map(StackTraceElement::getClassName))
                            .as(t.getName()).noneMatch(c -> c.startsWith("dev.concord.server.events."));
                }
            });
            assertThat(api.get("demo-viewer", "/health").status()).isEqualTo(200);
        } finally {
            open.forEach(SseTestClient::close);
        }
    }

    @Test
    void aClientFurtherBehindThanTheReplayWindowGetsAReset() {
        System.setProperty("concord.events.replayWindow", "3");
        ConcordServer small;
        try {
            small = TestServers.h2Demo();
        } finally {
            System.clearProperty("concord.events.replayWindow");
        }
        try (small) {
            ApiTestClient smallApi = new ApiTestClient(small.baseUrl());
            String path = "/api/v1/subscriptions/sub_0001";
            for (long v = 1; v <= 6; v++) {
                assertThat(smallApi.patch("demo-alice", path, patchBody(v, Map.of("notes", "n" + v))).status())
                        .isEqualTo(200);
            }
            await().atMost(WAIT).until(() -> small.events().head() == 6);
            try (SseTestClient old = SseTestClient.connect(small.baseUrl(), "demo-bob", "1");
                 SseTestClient recent = SseTestClient.connect(small.baseUrl(), "demo-bob", "4")) {
                await().atMost(WAIT).until(() -> !old.events(RESET).isEmpty() && recent.events("change").size() >= 2);
                assertThat(old.events(RESET).get(0).json().path("message").asText()).contains("older than");
                assertThat(old.events("change")).isEmpty();
                assertThat(recent.events(RESET)).isEmpty();
                assertThat(recent.events("change")).extracting(SseTestClient.Event::id).containsExactly("5", "6");
            }
        }
    }
}
