package dev.concord.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.concord.testing.ApiTestClient;
import dev.concord.testing.EmbeddedPostgresFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of the server in the middle of a write load, then a restart on the same data. Every write
 * acknowledged with a 200 must still be there, no row may be torn (each write sets three columns that name
 * the same write), and the change log must agree with the versions: one update row per version, contiguous,
 * and the state rebuilt from the log at the current version equals the record.
 */
class CrashRecoverySoak {
    private static final int WRITERS = 4;
    private static final int RECORDS = 40;
    private static final int ACKS_BEFORE_KILL = 300;
    private static final String VIEWER = "demo-viewer";

    @TempDir
    Path dir;

    /** One acknowledged write: the record, the version the 200 named, and the write's number. */
    record Ack(String id, long version, long mark) {
    }

    /** A write whose answer the kill took away: it may or may not have committed. */
    record InFlight(String id, long baseVersion, long mark, String body, String key) {
    }

    @Test
    void h2FileDatabaseKeepsEveryAcknowledgedWrite() throws Exception {
        Path data = dir.resolve("data");
        crashAndCheck("--demo", "--port", "0", "--data", data.toString());
    }

    @Test
    void postgresKeepsEveryAcknowledgedWrite() throws Exception {
        EmbeddedPostgresFixture.PgDatabase db = EmbeddedPostgresFixture.freshDatabase();
        Path password = java.nio.file.Files.writeString(dir.resolve("db-password"), db.password() + "\n");
        crashAndCheck("--demo", "--port", "0", "--db", db.jdbcUrl(), "--db-user", db.user(), "--db-password-file",
                password.toString());
    }

    private void crashAndCheck(String... args) throws Exception {
        Path log = dir.resolve("server.log");
        ConcurrentLinkedQueue<Ack> acks = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<InFlight> unanswered = new ConcurrentLinkedQueue<>();
        AtomicReference<String> unexpected = new AtomicReference<>();
        CountDownLatch enough = new CountDownLatch(ACKS_BEFORE_KILL);
        List<Thread> writers = new ArrayList<>();
        try (ServerProcess first = ServerProcess.start(log, args)) {
            ApiTestClient api = new ApiTestClient(first.baseUrl());
            AtomicBoolean dead = new AtomicBoolean();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                Thread t = new Thread(() -> write(api, writer, acks, unanswered, enough, dead, unexpected), "writer-" + w);
                writers.add(t);
                t.start();
            }
            assertThat(enough.await(120, TimeUnit.SECONDS)).as("load reached %d acks", ACKS_BEFORE_KILL).isTrue();
            dead.set(true);
            first.kill();
            for (Thread t : writers) {
                t.join(60_000);
            }
        }
        assertThat(unexpected.get()).as("answers before the kill").isNull();
        assertThat(acks).hasSizeGreaterThanOrEqualTo(ACKS_BEFORE_KILL);

        try (ServerProcess second = ServerProcess.start(log, args)) {
            ApiTestClient api = new ApiTestClient(second.baseUrl());
            List<String> problems = new ArrayList<>();
            Map<String, JsonNode> histories = new java.util.HashMap<>();
            for (int i = 1; i <= RECORDS; i++) {
                String id = String.format("sub_%04d", i);
                String path = "/api/v1/subscriptions/" + id;
                JsonNode current = api.get(VIEWER, path).data();
                JsonNode history = api.history(VIEWER, path);
                histories.put(id, history);
                long version = current.path("version").asLong();
                checkRecord(id, current, history, problems);
                if (version > 1) {
                    JsonNode rebuilt = api.get(VIEWER, path + "/versions/" + version).data();
                    if (!rebuilt.equals(current)) {
                        problems.add(id + ": rebuilt from the log at v" + version + " differs from the row");
                    }
                }
            }
            for (Ack ack : acks) {
                boolean found = false;
                for (JsonNode e : histories.get(ack.id())) {
                    if (e.path("kind").asText().equals("update") && e.path("version").asLong() == ack.version()) {
                        for (JsonNode c : e.path("changes")) {
                            if (c.path("field").asText().equals("customerName") && c.path("to").asText().equals(name(ack.mark()))) {
                                found = true;
                            }
                        }
                    }
                }
                if (!found) {
                    problems.add("acknowledged write " + ack + " is missing after the restart");
                }
            }
            assertThat(problems).as("after kill -9 and restart (%d acknowledged writes); server log %s", acks.size(), log)
                    .isEmpty();
            assertThat(unanswered).as("writes cut off by the kill").isNotEmpty();
            // The client whose answer was lost resends with the same Idempotency-Key: the write happens
            // exactly once, whether or not it had committed before the kill.
            for (InFlight f : unanswered) {
                String path = "/api/v1/subscriptions/" + f.id();
                ApiTestClient.Response r = api.patch("demo-alice", path, f.body(), "Idempotency-Key", f.key());
                assertThat(r.status()).as("resend of %s: %s", f, r).isEqualTo(200);
                assertThat(r.header("ETag")).isEqualTo("\"" + (f.baseVersion() + 1) + "\"");
                long rows = 0;
                for (JsonNode e : api.history(VIEWER, path)) {
                    for (JsonNode c : e.path("changes")) {
                        if (c.path("field").asText().equals("customerName") && c.path("to").asText().equals(name(f.mark()))) {
                            rows++;
                        }
                    }
                }
                assertThat(rows).as("write %s in the log once", f).isEqualTo(1);
                checkRecord(f.id(), api.get(VIEWER, path).data(), api.history(VIEWER, path), problems);
            }
            assertThat(problems).isEmpty();
            // And the restarted server takes writes again.
            JsonNode one = api.get("demo-alice", "/api/v1/subscriptions/sub_0001").data();
            assertThat(api.patch("demo-alice", "/api/v1/subscriptions/sub_0001",
                    ApiTestClient.patchBody(one.path("version").asLong(), Map.of("notes", "after the crash"))).status())
                    .isEqualTo(200);
        }
        assertThat(Files.exists(log)).isTrue();
    }

    /** Writer {@code w} owns records w+1, w+1+WRITERS, ...; each write sets name, notes and amount to its number. */
    private static void write(ApiTestClient api, int w, ConcurrentLinkedQueue<Ack> acks,
                              ConcurrentLinkedQueue<InFlight> unanswered, CountDownLatch enough,
                              AtomicBoolean dead, AtomicReference<String> unexpected) {
        List<String> mine = new ArrayList<>();
        for (int i = w + 1; i <= RECORDS; i += WRITERS) {
            mine.add(String.format("sub_%04d", i));
        }
        Map<String, Long> versions = new java.util.HashMap<>();
        long n = 0;
        InFlight sending = null;
        try {
            for (String id : mine) {
                versions.put(id, api.get("demo-alice", "/api/v1/subscriptions/" + id).data().path("version").asLong());
            }
            while (true) {
                String id = mine.get((int) (n % mine.size()));
                long mark = w * 1_000_000L + (++n);
                String body = ApiTestClient.patchBody(versions.get(id), Map.of("customerName", name(mark), "notes", notes(mark),
                        "amount", mark + ".00"));
                sending = new InFlight(id, versions.get(id), mark, body, "crash-" + mark);
                ApiTestClient.Response r = api.patch("demo-alice", "/api/v1/subscriptions/" + id, body,
                        "Idempotency-Key", sending.key());
                if (r.status() != 200) {
                    if (!dead.get()) {
                        unexpected.compareAndSet(null, id + ": " + r);
                    }
                    return;
                }
                long v = r.data().path("version").asLong();
                versions.put(id, v);
                acks.add(new Ack(id, v, mark));
                enough.countDown();
            }
        } catch (IllegalStateException e) {
            if (!dead.get()) {
                unexpected.compareAndSet(null, "writer " + w + " failed before the kill: " + e.getMessage());
            } else if (sending != null) {
                unanswered.add(sending);
            }
        }
    }

    private static void checkRecord(String id, JsonNode current, JsonNode history, List<String> problems) {
        long version = current.path("version").asLong();
        Set<Long> updates = new TreeSet<>();
        int rows = 0;
        for (JsonNode e : history) {
            if (e.path("kind").asText().equals("update")) {
                updates.add(e.path("version").asLong());
                rows++;
            }
        }
        Set<Long> expected = new TreeSet<>();
        for (long v = 2; v <= version; v++) {
            expected.add(v);
        }
        if (!updates.equals(expected) || rows != expected.size()) {
            problems.add(id + " at v" + version + ": update rows for versions " + updates + " (" + rows + " rows)");
        }
        if (version > 1) {
            String name = current.path("customerName").asText();
            long mark = Long.parseLong(name.substring(name.indexOf('#') + 1));
            if (!current.path("notes").asText().equals(notes(mark))
                    || new java.math.BigDecimal(current.path("amount").asText()).compareTo(java.math.BigDecimal.valueOf(mark)) != 0) {
                problems.add(id + " is torn: name " + name + ", amount " + current.path("amount").asText());
            }
        }
    }

    private static String name(long mark) {
        return "Crash test #" + mark;
    }

    /** A few KB so a torn write would show as a row half old, half new. */
    private static String notes(long mark) {
        return ("write " + mark + "\n").repeat(200);
    }
}
