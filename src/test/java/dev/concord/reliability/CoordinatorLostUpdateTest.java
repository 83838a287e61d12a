package dev.concord.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concord.client.ConcordApi;
import dev.concord.client.OkHttpConcordApi;
import dev.concord.server.ConcordServer;
import dev.concord.server.ServerConfig;
import dev.concord.sync.SyncServices;
import dev.concord.testing.ApiTestClient;
import dev.concord.testing.EmbeddedPostgresFixture;
import dev.concord.testing.TestServers;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No lost update, black box, through the sync core over real HTTP: {@link NoteAppenders} with 8
 * coordinators x {@link #edits()} edits of one record, on one H2 server, on two servers sharing one PostgreSQL, and on
 * one server while a third of the answers to successful PATCHes are lost on the way back.
 */
class CoordinatorLostUpdateTest {
    private static final int WRITERS = 8;

    /** Edits per coordinator: 12 in the test suite (about 10 s per case), more in the soak. */
    int edits() {
        return 12;
    }

    @TempDir
    Path home;

    @Test
    void everyEditLandsOnceOnOneServerWithH2() throws Exception {
        try (ConcordServer server = TestServers.h2Demo()) {
            hammer(List.of(server), null);
        }
    }

    @Test
    void everyEditLandsOnceOnTwoServersSharingOnePostgres() throws Exception {
        EmbeddedPostgresFixture.PgDatabase db = EmbeddedPostgresFixture.freshDatabase();
        try (ConcordServer a = ConcordServer.start(ServerConfig.demoOn(db.jdbcUrl(), db.user(), db.password()));
             ConcordServer b = ConcordServer.start(ServerConfig.demoOn(db.jdbcUrl(), db.user(), db.password()))) {
            hammer(List.of(a, b), null);
        }
    }

    /**
     * Lost acknowledgements under load: the write commits, the answer never arrives, the coordinator
     * resends with the same Idempotency-Key and must get the first answer back: no false conflict (none
     * opened) and no double apply (exactly one version per edit).
     */
    @Test
    void lostAnswersToSuccessfulPatchesAreNeitherConflictsNorAppliedTwice() throws Exception {
        AtomicInteger dropped = new AtomicInteger();
        AtomicInteger replayed = new AtomicInteger();
        Random random = new Random(42);
        OkHttpClient lossy = OkHttpConcordApi.sharedClient().newBuilder().addNetworkInterceptor(chain -> {
            Response response = chain.proceed(chain.request());
            if ("true".equals(response.header("Idempotent-Replayed"))) {
                replayed.incrementAndGet();
            }
            boolean drop;
            synchronized (random) {
                drop = random.nextInt(3) == 0;
            }
            if (chain.request().method().equals("PATCH") && response.code() == 200 && drop) {
                response.close();
                dropped.incrementAndGet();
                throw new IOException("connection reset (answer dropped by the test)");
            }
            return response;
        }).build();
        try (ConcordServer server = TestServers.h2Demo()) {
            NoteAppenders.Tally tally = hammer(List.of(server), lossy);
            // A third of at least WRITERS * edits() answers is dropped; a tenth leaves room for chance.
            assertThat(dropped.get()).as("answers dropped").isGreaterThan(WRITERS * edits() / 10);
            assertThat(replayed.get()).as("retries answered from the idempotency store").isPositive();
        }
    }

    /**
     * An admin's forced writes (?force=true, no version) race the agents' versioned saves: a forced write
     * must not slip between another write's version check and its change-log row. Every agent edit lands
     * once, every override lands once, and the log still has exactly one row per version.
     */
    @Test
    void forcedWritesRacingVersionedSavesKeepOneLogRowPerVersion() throws Exception {
        int writers = 4;
        int overrides = 20;
        try (ConcordServer server = TestServers.h2Demo()) {
            ApiTestClient check = new ApiTestClient(server.baseUrl());
            String initialNotes = check.get("demo-viewer", NoteAppenders.PATH).data().path("notes").asText();
            long initialVersion = check.get("demo-viewer", NoteAppenders.PATH).data().path("version").asLong();
            List<ConcordApi> apis = new ArrayList<>();
            String[] tokens = {"demo-alice", "demo-bob", "demo-billing", "demo-alice"};
            for (int w = 0; w < writers; w++) {
                apis.add(new OkHttpConcordApi(server.baseUrl(), tokens[w]));
            }
            List<SyncServices> clients = NoteAppenders.clients(home, apis);
            java.util.concurrent.CompletableFuture<List<Integer>> admin = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                List<Integer> statuses = new ArrayList<>();
                for (int i = 0; i < overrides; i++) {
                    ApiTestClient.Response r = check.patch("demo-admin", NoteAppenders.PATH + "?force=true",
                            "{\"changes\":{\"status\":\"" + (i % 2 == 0 ? "paused" : "active") + "\"}}",
                            "X-Override-Reason", "race " + i);
                    statuses.add(r.status());
                }
                return statuses;
            });
            NoteAppenders.Tally tally = new NoteAppenders(clients, edits()).run(outcome -> null);
            assertThat(admin.get(120, java.util.concurrent.TimeUnit.SECONDS)).as("every forced write landed").containsOnly(200);
            assertThat(tally.conflicts()).isZero();
            assertThat(tally.saved()).isEqualTo(writers * edits());
            NoteAppenders.assertEveryEditLandedOnce(check, initialNotes, initialVersion, writers, edits(), overrides);
            long overrideRows = 0;
            for (com.fasterxml.jackson.databind.JsonNode e : check.history("demo-viewer", NoteAppenders.PATH)) {
                if (e.path("kind").asText().equals("override")) {
                    overrideRows++;
                }
            }
            assertThat(overrideRows).isEqualTo(overrides);
        }
    }

    NoteAppenders.Tally hammer(List<ConcordServer> servers, OkHttpClient http) throws Exception {
        ApiTestClient check = new ApiTestClient(servers.get(0).baseUrl());
        String initialNotes = check.get("demo-viewer", NoteAppenders.PATH).data().path("notes").asText();
        long initialVersion = check.get("demo-viewer", NoteAppenders.PATH).data().path("version").asLong();
        String[] tokens = {"demo-alice", "demo-bob", "demo-billing", "demo-admin"};
        List<ConcordApi> apis = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            String url = servers.get(w % servers.size()).baseUrl();
            String token = tokens[w % tokens.length];
            apis.add(http == null ? new OkHttpConcordApi(url, token) : new OkHttpConcordApi(url, token, http));
        }
        List<SyncServices> clients = NoteAppenders.clients(home, apis);
        NoteAppenders.Tally tally = new NoteAppenders(clients, edits()).run(outcome -> null);
        // Edits kept pending (only when answers are dropped) are retried as the console would, until none is left.
        for (SyncServices c : clients) {
            for (int round = 0; round < 20 && !c.store().pending().isEmpty(); round++) {
                c.store().pending().forEach(p -> c.coordinator().retryPending(p.pendingId()));
            }
            assertThat(c.store().pending()).as("pending edits of " + c.user()).isEmpty();
            assertThat(c.store().conflicts()).as("appends never conflict; a false conflict would show here").isEmpty();
        }
        assertThat(tally.conflicts()).isZero();
        assertThat(tally.saved() + tally.keptPending()).isEqualTo(WRITERS * edits());
        NoteAppenders.assertEveryEditLandedOnce(check, initialNotes, initialVersion, WRITERS, edits());
        return tally;
    }
}
