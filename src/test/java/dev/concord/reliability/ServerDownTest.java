package dev.concord.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concord.client.ConcordApi;
import dev.concord.client.OkHttpConcordApi;
import dev.concord.domain.Entity;
import dev.concord.domain.EntityKind;
import dev.concord.server.ConcordServer;
import dev.concord.server.ServerConfig;
import dev.concord.sync.SaveOutcome;
import dev.concord.sync.SyncServices;
import dev.concord.testing.ApiTestClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server goes away while agents keep editing: every edit that cannot reach it is kept as pending with
 * a message that says so, survives a restart of the client, and lands (or becomes a conflict) once the
 * server is back on the same data. Nothing is lost and nothing is written twice.
 */
class ServerDownTest {
    private static final int WRITERS = 4;
    private static final int EDITS = 8;

    @TempDir
    Path dir;

    @Test
    void serverStoppedInTheMiddleOfALoadLosesNoEdit() throws Exception {
        Path data = dir.resolve("server");
        ConcordServer first = ConcordServer.start(ServerConfig.demo(data));
        int port = first.port();
        ApiTestClient check = new ApiTestClient(first.baseUrl());
        String initialNotes = check.get("demo-viewer", NoteAppenders.PATH).data().path("notes").asText();
        long initialVersion = check.get("demo-viewer", NoteAppenders.PATH).data().path("version").asLong();

        List<ConcordApi> apis = new ArrayList<>();
        String[] tokens = {"demo-alice", "demo-bob", "demo-billing", "demo-admin"};
        for (int w = 0; w < WRITERS; w++) {
            apis.add(new OkHttpConcordApi(first.baseUrl(), tokens[w]));
        }
        AtomicInteger saves = new AtomicInteger();
        AtomicReference<ConcordServer> running = new AtomicReference<>(first);
        NoteAppenders.Tally tally = new NoteAppenders(NoteAppenders.clients(dir, apis), EDITS).run(outcome -> {
            if (outcome instanceof SaveOutcome.Saved && saves.incrementAndGet() == WRITERS * EDITS / 4) {
                ConcordServer server = running.getAndSet(null);
                if (server != null) {
                    server.close();
                }
            }
            return null;
        });
        assertThat(running.get()).as("the server was stopped mid-load").isNull();
        assertThat(tally.keptPending()).as("edits made while the server was down").isPositive();
        assertThat(tally.pendingReasons().keySet()).allSatisfy(reason ->
                assertThat(reason).containsAnyOf("Cannot reach the server", "did not answer"));
        assertThat(tally.conflicts()).isZero();

        try (ConcordServer second = ConcordServer.start(ServerConfig.demo(data).withPort(port))) {
            assertThat(second.seededDemoData()).isFalse();
            // The consoles restart too: each finds its pending edits in its own folder and retries them.
            List<SyncServices> restarted = NoteAppenders.clients(dir, apis);
            int retried = 0;
            for (SyncServices c : restarted) {
                for (var p : c.store().pending()) {
                    SaveOutcome outcome = c.coordinator().retryPending(p.pendingId());
                    assertThat(outcome).as(p.toString()).isInstanceOf(SaveOutcome.Saved.class);
                    retried++;
                }
                assertThat(c.store().pending()).isEmpty();
                assertThat(c.store().conflicts()).isEmpty();
            }
            assertThat(retried).isEqualTo(tally.keptPending());
            NoteAppenders.assertEveryEditLandedOnce(new ApiTestClient(second.baseUrl()), initialNotes, initialVersion,
                    WRITERS, EDITS);
        }
    }

    @Test
    void pendingEditBecomesAConflictWhenTheSameFieldChangedMeanwhile() throws Exception {
        Path data = dir.resolve("server");
        ConcordServer first = ConcordServer.start(ServerConfig.demo(data));
        int port = first.port();
        SyncServices bob = SyncServices.forUser(first.baseUrl(), "demo-bob", dir);
        Entity loaded = bob.api().get(EntityKind.SUBSCRIPTION, "sub_0003");
        first.close();

        SaveOutcome whileDown = bob.coordinator().save(loaded, loaded.values().with("status", "paused").with("notes",
                loaded.values().get("notes") + "called, customer wants a pause\n"));
        assertThat(whileDown).isInstanceOfSatisfying(SaveOutcome.Pending.class,
                p -> assertThat(p.reason()).contains("Cannot reach the server"));

        try (ConcordServer second = ConcordServer.start(ServerConfig.demo(data).withPort(port))) {
            SyncServices alice = SyncServices.forUser(second.baseUrl(), "demo-alice", dir);
            Entity current = alice.api().get(EntityKind.SUBSCRIPTION, "sub_0003");
            assertThat(alice.coordinator().save(current, current.values().with("status", "cancelled")))
                    .isInstanceOf(SaveOutcome.Saved.class);

            SyncServices bobAgain = SyncServices.forUser(second.baseUrl(), "demo-bob", dir);
            String pendingId = bobAgain.store().pending().get(0).pendingId();
            SaveOutcome retried = bobAgain.coordinator().retryPending(pendingId);

            assertThat(retried).isInstanceOfSatisfying(SaveOutcome.NeedsResolution.class, n -> {
                assertThat(n.conflict().mine().get("status")).isEqualTo("paused");
                assertThat(n.conflict().theirs().values().get("status")).isEqualTo("cancelled");
                assertThat((String) n.conflict().mergedSoFar().get("notes")).endsWith("called, customer wants a pause\n");
            });
            Entity after = alice.api().get(EntityKind.SUBSCRIPTION, "sub_0003");
            assertThat(after.values().get("status")).as("nothing overwritten").isEqualTo("cancelled");
            assertThat(after.version()).isEqualTo(current.version() + 1);
            assertThat(bobAgain.store().pending()).isEmpty();
            assertThat(SyncServices.forUser(second.baseUrl(), "demo-bob", dir).store().conflicts())
                    .as("the conflict survives another restart").hasSize(1);
        }
    }
}
