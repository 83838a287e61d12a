package dev.concord.reliability;

import dev.concord.sync.Reason;
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
        // A server stopping gracefully answers 503 on connections already open, then refuses new ones.
        assertThat(tally.pendingReasons().keySet()).allSatisfy(reason ->
                assertThat(reason).containsAnyOf("Cannot reach the server", "did not answer", "not available right now"));
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
                p -> assertThat(p.reason().code()).isEqualTo(Reason.Code.UNREACHABLE));

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

    /** The same story through the command line: `retry` of the kept edit ends in exit code 3 and a stored conflict. */
    @Test
    void commandLineRetryOfAPendingEditThatNowConflictsExitsWithThree() throws Exception {
        Path data = dir.resolve("server");
        ConcordServer first = ConcordServer.start(ServerConfig.demo(data));
        int port = first.port();
        SyncServices bob = SyncServices.forUser(first.baseUrl(), "demo-bob", dir);
        Entity loaded = bob.api().get(EntityKind.SUBSCRIPTION, "sub_0005");
        first.close();
        List<String> others = new ArrayList<>(List.of("weekly", "monthly", "quarterly", "yearly"));
        others.remove((String) loaded.values().get("billingCycle"));
        assertThat(bob.coordinator().save(loaded, loaded.values().with("billingCycle", others.get(0))))
                .isInstanceOf(SaveOutcome.Pending.class);

        try (ConcordServer second = ConcordServer.start(ServerConfig.demo(data).withPort(port))) {
            String[] pending = cli(second, "pending");
            assertThat(pending[0]).isEqualTo("0");
            assertThat(pending[1]).contains("subscriptions/sub_0005");
            SyncServices alice = SyncServices.forUser(second.baseUrl(), "demo-alice", dir);
            Entity current = alice.api().get(EntityKind.SUBSCRIPTION, "sub_0005");
            assertThat(alice.coordinator().save(current, current.values().with("billingCycle", others.get(1))))
                    .isInstanceOf(SaveOutcome.Saved.class);

            String[] retry = cli(second, "retry");
            assertThat(retry[0]).as(retry[1] + retry[2]).isEqualTo("3");
            assertThat(retry[1] + retry[2]).contains("billingCycle");
            String[] conflicts = cli(second, "conflicts");
            assertThat(conflicts[1]).contains("sub_0005");
            assertThat(cli(second, "pending")[1]).contains("No pending edits.");
            assertThat(alice.api().get(EntityKind.SUBSCRIPTION, "sub_0005").values().get("billingCycle"))
                    .as("nothing overwritten").isEqualTo(others.get(1));
        }
    }

    /** Exit code, standard output and standard error of {@code ./launcher cli VERB --token-file F} as demo-bob. */
    private String[] cli(ConcordServer server, String verb) throws java.io.IOException {
        java.nio.file.Path token = java.nio.file.Files.writeString(dir.resolve("bob.token"), "demo-bob\n");
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        int code = dev.concord.cli.CliMain.run(new String[] {verb, "--server", server.baseUrl(), "--token-file",
            token.toString(), "--home", dir.toString()}, new java.io.PrintWriter(out), new java.io.PrintWriter(err));
        return new String[] {String.valueOf(code), out.toString(), err.toString()};
    }
}
