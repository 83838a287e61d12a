package dev.concord.server;

import static dev.concord.testing.ApiTestClient.patchBody;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.concord.testing.ApiTestClient;
import dev.concord.testing.ApiTestClient.Response;
import dev.concord.testing.TestServers.Backend;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A PATCH of plain text fields, which on PostgreSQL is written by one statement that reads the old values itself
 * ({@link PatchStatement}), answers and logs exactly as the general path does on both databases: the log's
 * from/to values, only fields that change, no-ops, stale and unknown versions, money beside text, and concurrent
 * writers of which none is lost. Each test edits records of its own.
 */
class PatchStatementTest {
    private static final String ALICE = "demo-alice";
    private static final String BOB = "demo-bob";
    private static final String VIEWER = "demo-viewer";
    private static final Map<Backend, ConcordServer> SERVERS = new EnumMap<>(Backend.class);

    private static synchronized ApiTestClient api(Backend backend) {
        return new ApiTestClient(SERVERS.computeIfAbsent(backend, Backend::startDemo).baseUrl());
    }

    @AfterAll
    static void stop() {
        SERVERS.values().forEach(ConcordServer::close);
        SERVERS.clear();
    }

    private static String sub(String id) {
        return "/api/v1/subscriptions/" + id;
    }

    /** The newest history entry of {@code path}. */
    private static JsonNode newest(ApiTestClient api, String path) {
        return api.get(VIEWER, path + "/history?limit=1").data().get(0);
    }

    private static Map<String, JsonNode> changesOf(JsonNode entry) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        entry.path("changes").forEach(c -> out.put(c.path("field").asText(), c));
        return out;
    }

    /** On PostgreSQL the one-statement path must have written; on H2 the general path writes (there is no other). */
    private static void tookTheStatement(Backend backend, long before) {
        if (backend == Backend.POSTGRES) {
            assertThat(PatchStatement.WRITES.get()).as("written by the one statement").isGreaterThan(before);
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void textChangesLandWithTheirOldValuesLoggedExactly(Backend backend) {
        ApiTestClient api = api(backend);
        String path = sub("sub_0051");
        JsonNode before = api.get(VIEWER, path).data();
        String name = "Zoë \"Q\" O'Brien \\ backslash </tag> 🙂";
        String notes = "line 1\n\tline \"2\" ünïcode\r\n";
        long wrote = PatchStatement.WRITES.get();

        Response r = api.patch(ALICE, path, patchBody(before.path("version").asLong(),
                Map.of("notes", notes, "customerName", name)));

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        tookTheStatement(backend, wrote);
        assertThat(r.data().path("version").asLong()).isEqualTo(before.path("version").asLong() + 1);
        assertThat(r.header("ETag")).isEqualTo("\"" + (before.path("version").asLong() + 1) + "\"");
        assertThat(r.data().path("customerName").asText()).isEqualTo(name);
        assertThat(r.data().path("notes").asText()).isEqualTo(notes);
        assertThat(r.data().path("updatedBy").asText()).isEqualTo("alice");
        assertThat(api.get(VIEWER, path).data()).isEqualTo(r.data());
        JsonNode entry = newest(api, path);
        assertThat(entry.path("kind").asText()).isEqualTo("update");
        assertThat(entry.path("version").asLong()).isEqualTo(r.data().path("version").asLong());
        assertThat(entry.path("actor").asText()).isEqualTo("alice");
        Map<String, JsonNode> changes = changesOf(entry);
        assertThat(changes.keySet()).as("in the kind's field order").containsExactly("customerName", "notes");
        assertThat(changes.get("customerName").path("from").asText()).isEqualTo(before.path("customerName").asText());
        assertThat(changes.get("customerName").path("to").asText()).isEqualTo(name);
        assertThat(changes.get("notes").path("from").asText()).isEqualTo(before.path("notes").asText());
        assertThat(changes.get("notes").path("to").asText()).isEqualTo(notes);
        assertThat(changes.get("notes").has("base")).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void onlyFieldsThatChangeAreLoggedAndASameValuePatchIsANoOp(Backend backend) {
        ApiTestClient api = api(backend);
        String path = sub("sub_0052");
        JsonNode before = api.get(VIEWER, path).data();
        long v = before.path("version").asLong();
        Response r = api.patch(ALICE, path, patchBody(v, Map.of("status", before.path("status").asText(),
                "notes", "changed")));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(changesOf(newest(api, path)).keySet()).containsExactly("notes");

        int entries = api.history(VIEWER, path).size();
        Response same = api.patch(BOB, path, patchBody(v + 1, Map.of("notes", "changed",
                "customerName", before.path("customerName").asText())));
        assertThat(same.status()).as(same.toString()).isEqualTo(200);
        assertThat(same.data().path("version").asLong()).as("no new version").isEqualTo(v + 1);
        assertThat(same.data().path("updatedBy").asText()).isEqualTo("alice");
        assertThat(api.history(VIEWER, path)).as("no log row").hasSize(entries);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aStaleVersionIs409WithTheCurrentRecordAndWhatChangedSince(Backend backend) {
        ApiTestClient api = api(backend);
        String path = sub("sub_0053");
        JsonNode before = api.get(VIEWER, path).data();
        long v = before.path("version").asLong();
        assertThat(api.patch(BOB, path, patchBody(v, Map.of("notes", "bob was here\n"))).status()).isEqualTo(200);

        Response r = api.patch(ALICE, path, patchBody(v, Map.of("customerName", "Alice's idea")));

        assertThat(r.status()).as(r.toString()).isEqualTo(409);
        assertThat(r.errorCode()).isEqualTo("CONFLICT_VERSION_MISMATCH");
        assertThat(r.error().path("version").asLong()).isEqualTo(v + 1);
        assertThat(r.error().path("current").path("notes").asText()).isEqualTo("bob was here\n");
        assertThat(r.error().path("current").path("customerName").asText())
                .isEqualTo(before.path("customerName").asText());
        List<String> since = new ArrayList<>();
        r.error().path("changedSince").forEach(c -> since.add(c.path("field").asText()));
        assertThat(since).containsExactly("notes");
        assertThat(r.error().path("message").asText()).contains("Bob changed notes just now");
        assertThat(api.get(VIEWER, path).data().path("version").asLong()).as("nothing written").isEqualTo(v + 1);
        JsonNode refusal = newest(api, path);
        assertThat(refusal.path("kind").asText()).isEqualTo("conflict");
        assertThat(refusal.path("actor").asText()).isEqualTo("alice");
        assertThat(changesOf(refusal).get("customerName").path("to").asText()).isEqualTo("Alice's idea");
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void anUnknownOrRetiredRecordIs404(Backend backend) {
        ApiTestClient api = api(backend);
        Response unknown = api.patch(ALICE, sub("sub_9999"), patchBody(1L, Map.of("notes", "x")));
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(404);
        assertThat(unknown.errorCode()).isEqualTo("NOT_FOUND");
        assertThat(unknown.error().path("message").asText()).isEqualTo("There is no subscription sub_9999");

        // An invoice: a retired subscription would need its invoices retired first.
        String path = "/api/v1/invoices/inv_0097";
        long v = api.get(VIEWER, path).data().path("version").asLong();
        Response deleted = api.send("DELETE", "demo-admin", path, null, null, "If-Match", "\"" + v + "\"");
        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(200);
        long retiredAt = deleted.data().path("version").asLong();
        Response r = api.patch(ALICE, path, patchBody(retiredAt, Map.of("notes", "after retirement")));
        assertThat(r.status()).as(r.toString()).isEqualTo(404);
        assertThat(r.error().path("message").asText()).isEqualTo("There is no invoice inv_0097");
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void moneyBesideTextTakesTheMoneyRulesAndLogsBoth(Backend backend) {
        ApiTestClient api = api(backend);
        String path = sub("sub_0055");
        JsonNode before = api.get(VIEWER, path).data();
        long v = before.path("version").asLong();
        Response jpy = api.patch(ALICE, path, patchBody(v, Map.of("currency", "JPY", "notes", "yen")));
        if (!before.path("amount").asText().endsWith(".00")) {
            assertThat(jpy.status()).as("cents in yen: " + jpy).isEqualTo(422);
            jpy = api.patch(ALICE, path, patchBody(v, Map.of("currency", "JPY", "amount", "12.00", "notes", "yen")));
        }
        assertThat(jpy.status()).as(jpy.toString()).isEqualTo(200);
        Response cents = api.patch(ALICE, path, patchBody(v + 1, Map.of("amount", "12.50", "notes", "cents")));
        assertThat(cents.status()).as(cents.toString()).isEqualTo(422);
        Response whole = api.patch(ALICE, path, patchBody(v + 1, Map.of("amount", "13.00", "notes", "whole")));
        assertThat(whole.status()).as(whole.toString()).isEqualTo(200);
        Map<String, JsonNode> changes = changesOf(newest(api, path));
        assertThat(changes.keySet()).containsExactly("amount", "notes");
        assertThat(changes.get("notes").path("from").asText()).isEqualTo("yen");
        assertThat(changes.get("amount").path("to").asText()).isEqualTo("13.00");
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void concurrentWritersOfOneTextFieldLoseNothing(Backend backend) throws Exception {
        ApiTestClient api = api(backend);
        String path = sub("sub_0056");
        int writers = 6;
        int lines = 8;
        AtomicInteger conflicts = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            done.add(pool.submit(() -> {
                for (int i = 0; i < lines; i++) {
                    appendLine(api, path, "w" + writer + "-" + i, conflicts);
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();
        String notes = api.get(VIEWER, path).data().path("notes").asText();
        for (int w = 0; w < writers; w++) {
            for (int i = 0; i < lines; i++) {
                assertThat(notes).contains("w" + w + "-" + i + "\n");
            }
        }
        // The log is a chain: each update's "from" is the previous update's "to".
        List<JsonNode> updates = new ArrayList<>();
        api.history(VIEWER, path).forEach(e -> {
            if (e.path("kind").asText().equals("update")) {
                updates.add(0, e);
            }
        });
        assertThat(updates).hasSize(writers * lines);
        for (int k = 1; k < updates.size(); k++) {
            assertThat(changesOf(updates.get(k)).get("notes").path("from"))
                    .isEqualTo(changesOf(updates.get(k - 1)).get("notes").path("to"));
        }
        assertThat(conflicts.get()).as("writers raced, or the test proved nothing").isPositive();
    }

    /** Read, append, write with the version read; on a 409 start again from the current record. */
    private static void appendLine(ApiTestClient api, String path, String line, AtomicInteger conflicts) {
        JsonNode record = api.get(ALICE, path).data();
        for (int attempt = 0; attempt < 1000; attempt++) {
            Response r = api.patch(ALICE, path, patchBody(record.path("version").asLong(),
                    Map.of("notes", record.path("notes").asText() + line + "\n")));
            if (r.status() == 200) {
                return;
            }
            assertThat(r.status()).as(r.toString()).isEqualTo(409);
            conflicts.incrementAndGet();
            record = r.error().path("current");
        }
        throw new AssertionError("a line did not land in 1000 attempts");
    }
}
