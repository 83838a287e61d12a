package dev.concord.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concord.client.OkHttpConcordApi;
import dev.concord.domain.EntityKind;
import dev.concord.domain.Invoice;
import dev.concord.domain.Plan;
import dev.concord.domain.Subscription;
import dev.concord.server.ConcordServer;
import dev.concord.server.ServerConfig;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;

/** {@code CliMain.run} against the real server in process: exit codes and what an agent reads. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CliMainTest {
    private static final EntityKind SUB = EntityKind.SUBSCRIPTION;

    @TempDir
    Path home;

    private ConcordServer server;
    private String out;
    private String err;

    @BeforeEach
    void start() {
        server = ConcordServer.start(ServerConfig.demoInMemory());
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** Runs the CLI with the test server and home, as {@code token}; options go after the verb on purpose. */
    private int cli(String token, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--server", server.baseUrl(), "--home", home.toString()));
        return captured(CliRun.as(token, all.toArray(String[]::new)));
    }

    private int raw(String... args) {
        return captured(CliRun.of(args));
    }

    private int captured(CliRun run) {
        out = run.out();
        err = run.err();
        return run.code();
    }

    private OkHttpConcordApi api(String token) {
        return new OkHttpConcordApi(server.baseUrl(), token);
    }

    @Test
    void getPrintsTheRecordWithItsVersion() {
        Subscription s = (Subscription) api("demo-alice").get(SUB, "sub_0001");
        assertThat(raw("--server", server.baseUrl(), "get", "subscriptions/sub_0001", "--home", home.toString()))
                .isEqualTo(0);
        assertThat(out).contains("subscriptions/sub_0001  v" + s.version()).contains("customerName:")
                .contains(s.customerName()).contains("status:").contains(s.status().wire());
    }

    @Test
    void aDataFolderThatCannotBeUsedIsNamedAndTheEditIsNotSent() throws IOException {
        Subscription before = (Subscription) api("demo-alice").get(SUB, "sub_0001");
        Path file = Files.writeString(home.resolve("not-a-folder"), "x");
        int code = captured(CliRun.as("demo-alice", "edit", "subscriptions/sub_0001", "customerName=Ada Byron",
                "--server", server.baseUrl(), "--home", file.toString()));
        assertThat(code).isEqualTo(ExitCode.USAGE);
        assertThat(err).contains(file.toString()).contains("a file, not a folder");
        assertThat(((Subscription) api("demo-alice").get(SUB, "sub_0001")).version()).isEqualTo(before.version());
    }

    @Test
    void aTokenInTheCommandLineIsRefusedWithoutRepeatingItAndNothingIsSent() {
        Subscription before = (Subscription) api("demo-alice").get(SUB, "sub_0001");
        int code = raw("edit", "subscriptions/sub_0001", "customerName=Ada Byron", "--server", server.baseUrl(),
                "--token", "demo-alice", "--home", home.toString());
        assertThat(code).isEqualTo(ExitCode.USAGE);
        assertThat(err).contains("--token is not accepted").contains("CONCORD_TOKEN").contains("--token-file")
                .doesNotContain("demo-alice");
        assertThat(((Subscription) api("demo-alice").get(SUB, "sub_0001")).version()).isEqualTo(before.version());
    }

    @Test
    void historyListsChangesNewestFirst() {
        assertThat(cli("demo-alice", "edit", "subscriptions/sub_0001", "customerName=Ada Byron")).isZero();
        assertThat(cli("demo-alice", "history", "subscriptions/sub_0001")).isZero();
        assertThat(out.lines().findFirst().orElseThrow()).contains("alice").contains("customerName:")
                .contains("Ada Byron");
    }

    @Test
    void editSavesTypedValuesAndSaysTheNewVersion() {
        Subscription before = (Subscription) api("demo-alice").get(SUB, "sub_0001");
        int code = cli("demo-alice", "edit", "subscriptions/sub_0001", "tags=vip, renewal", "cancelAtPeriodEnd=true",
                "nextBillingDate=2027-03-01", "amount=12.50");
        assertThat(code).as(err).isZero();
        assertThat(out.trim()).isEqualTo("Saved v" + (before.version() + 1));
        Subscription after = (Subscription) api("demo-alice").get(SUB, "sub_0001");
        assertThat(after.tags()).containsExactly("renewal", "vip");
        assertThat(after.cancelAtPeriodEnd()).isTrue();
        assertThat(after.nextBillingDate()).hasToString("2027-03-01");
        assertThat(after.amount()).isEqualTo(new BigDecimal("12.50"));
    }

    @Test
    void notesCanComeFromAFile() throws IOException {
        Path file = home.resolve("notes.txt");
        Files.writeString(file, "Called the customer.\nRefund approved.\n");
        assertThat(cli("demo-alice", "edit", "subscriptions/sub_0001", "notes=@" + file)).as(err).isZero();
        assertThat(((Subscription) api("demo-alice").get(SUB, "sub_0001")).notes())
                .isEqualTo("Called the customer.\nRefund approved.\n");
    }

    @Test
    void staleEditMergesAndSaysWhoseChangeItKept() {
        Subscription atN = (Subscription) api("demo-alice").get(SUB, "sub_0001");
        String status = atN.status().wire().equals("paused") ? "active" : "paused";
        assertThat(cli("demo-alice", "edit", "subscriptions/sub_0001", "notes=Alice was here")).isZero();

        int code = cli("demo-bob", "edit", "subscriptions/sub_0001", "status=" + status, "--base",
                String.valueOf(atN.version()));

        assertThat(code).as(err).isZero();
        assertThat(out.trim()).isEqualTo("Saved v" + (atN.version() + 2) + ", merged Alice\u2019s change to notes");
        Subscription end = (Subscription) api("demo-bob").get(SUB, "sub_0001");
        assertThat(end.notes()).isEqualTo("Alice was here");
        assertThat(end.status().wire()).isEqualTo(status);
    }

    @Test
    void trueConflictIsStoredListedAndResolvedFromTheCommandLine() {
        Subscription atN = (Subscription) api("demo-alice").get(SUB, "sub_0001");
        assertThat(cli("demo-alice", "edit", "subscriptions/sub_0001", "status=cancelled")).isZero();

        int code = cli("demo-bob", "edit", "subscriptions/sub_0001", "status=paused", "customerName=Bob's edit",
                "--base", String.valueOf(atN.version()));

        assertThat(code).isEqualTo(3);
        assertThat(out).contains("Alice changed the same field").contains("status: yours \u2018paused\u2019, theirs \u2018cancelled\u2019");
        assertThat(((Subscription) api("demo-bob").get(SUB, "sub_0001")).status().wire()).isEqualTo("cancelled");

        assertThat(cli("demo-bob", "conflicts")).isZero();
        String conflictId = out.trim().split("\\s+")[0];
        assertThat(out).contains("subscriptions/sub_0001").contains("fields: status");
        assertThat(cli("demo-alice", "conflicts")).isZero();
        assertThat(out).contains("No conflicts.");

        assertThat(cli("demo-bob", "resolve", conflictId, "--take", "customerName=mine")).isEqualTo(2);
        assertThat(err).contains("customerName is not in conflict").contains("the conflicting fields are: status");
        assertThat(cli("demo-bob", "resolve", conflictId, "--take", "status=maybe")).isEqualTo(2);
        assertThat(err).contains("mine or theirs");
        assertThat(cli("demo-bob", "resolve", conflictId)).isEqualTo(2);
        assertThat(cli("demo-bob", "resolve", conflictId, "--take", "status=mine")).as(err).isZero();
        assertThat(out).contains("Resolved " + conflictId).contains("Saved v" + (atN.version() + 2));
        Subscription end = (Subscription) api("demo-bob").get(SUB, "sub_0001");
        assertThat(end.status().wire()).isEqualTo("paused");
        assertThat(end.customerName()).isEqualTo("Bob's edit");
        assertThat(cli("demo-bob", "conflicts")).isZero();
        assertThat(out).contains("No conflicts.");
    }

    @Test
    void resolveTakingTheirsKeepsTheServerValue() {
        Subscription atN = (Subscription) api("demo-alice").get(SUB, "sub_0001");
        cli("demo-alice", "edit", "subscriptions/sub_0001", "status=cancelled");
        cli("demo-bob", "edit", "subscriptions/sub_0001", "status=paused", "--base", String.valueOf(atN.version()));
        cli("demo-bob", "conflicts");
        String conflictId = out.trim().split("\\s+")[0];

        assertThat(cli("demo-bob", "resolve", conflictId, "--take", "theirs")).as(err).isZero();
        assertThat(out).contains("Nothing to write: v" + (atN.version() + 1));

        Subscription end = (Subscription) api("demo-bob").get(SUB, "sub_0001");
        assertThat(end.status().wire()).isEqualTo("cancelled");
        assertThat(end.version()).isEqualTo(atN.version() + 1);
    }

    @Test
    void rejectedInputNamesTheFieldAndChangesNothing() {
        Subscription before = (Subscription) api("demo-alice").get(SUB, "sub_0001");
        assertThat(cli("demo-alice", "edit", "subscriptions/sub_0001", "colour=blue")).isEqualTo(2);
        assertThat(err).contains("no field \u2018colour\u2019");
        assertThat(cli("demo-alice", "edit", "subscriptions/sub_0001", "amount=-3")).isEqualTo(2);
        assertThat(err).contains("amount").contains("negative");
        assertThat(cli("demo-alice", "edit", "subscriptions/sub_0001", "currency=euro")).isEqualTo(2);
        assertThat(err).contains("currency");
        assertThat(cli("demo-alice", "edit", "subscriptions/sub_9999", "notes=x")).isEqualTo(2);
        assertThat(cli("demo-alice", "edit", "subscriptions/sub_0001", "notes=@/no/such/file")).isEqualTo(2);
        assertThat(err).contains("notes: the file /no/such/file cannot be read");
        assertThat(api("demo-alice").get(SUB, "sub_0001")).isEqualTo(before);
    }

    @Test
    void usageMistakesExitWithTwo() {
        assertThat(raw()).isEqualTo(2);
        assertThat(raw("frobnicate")).isEqualTo(2);
        assertThat(raw("get", "sub_0001")).isEqualTo(2);
        assertThat(err).contains("subscriptions/sub_0001");
        assertThat(raw("edit", "subscriptions/sub_0001")).isEqualTo(2);
        assertThat(cli("demo-alice", "resolve", "c-nope", "--take", "mine")).isEqualTo(2);
        assertThat(raw("edit", "--help")).isZero();
        assertThat(out).contains("--base=N").contains("FIELD=VALUE");
    }

    @Test
    void viewerMayReadButNotEdit() {
        assertThat(cli("demo-viewer", "get", "subscriptions/sub_0001")).isZero();
        assertThat(cli("demo-viewer", "edit", "subscriptions/sub_0001", "notes=x")).isEqualTo(1);
        assertThat(err).contains("Not");
    }

    @Test
    void editTypedWhileTheServerIsDownIsKeptPendingAndRetriedWhenItIsBack(@TempDir Path data) {
        server.close();
        server = ConcordServer.start(ServerConfig.demo(data));
        int port = server.port();
        assertThat(cli("demo-alice", "get", "subscriptions/sub_0001")).isZero();
        long seen = api("demo-alice").get(SUB, "sub_0001").version();
        String url = server.baseUrl();
        server.close();
        server = null;

        assertThat(raw("edit", "subscriptions/sub_0001", "notes=typed while the server was down", "--server", url,
                "--home", home.toString())).isEqualTo(4);
        assertThat(out).contains("editing from your last copy, v" + seen).contains("kept as pending");

        server = ConcordServer.start(ServerConfig.demo(data).withPort(port));
        assertThat(cli("demo-alice", "pending")).isZero();
        assertThat(out).contains("subscriptions/sub_0001").contains("fields: notes").contains("from v" + seen);
        assertThat(cli("demo-alice", "retry")).as(err + out).isZero();
        assertThat(out).contains("Saved v" + (seen + 1));
        assertThat(((Subscription) api("demo-alice").get(SUB, "sub_0001")).notes())
                .isEqualTo("typed while the server was down");
        assertThat(cli("demo-alice", "pending")).isZero();
        assertThat(out).contains("No pending edits.");
    }

    @Test
    void editOfARecordNeverFetchedWhileTheServerIsDownIsKeptAndAppliedWhenItIsBack(@TempDir Path data) {
        String url = restartableServer(data);
        server.close();
        server = null;
        assertThat(raw("edit", "subscriptions/sub_0042", "notes=typed blind", "--server", url,
                "--home", home.toString())).isEqualTo(4);
        assertThat(out).contains("kept as pending");
        assertThat(raw("pending", "--home", home.toString())).isZero();
        assertThat(out).contains("subscriptions/sub_0042").contains("fields: notes").contains("never fetched");

        server = ConcordServer.start(ServerConfig.demo(data).withPort(java.net.URI.create(url).getPort()));
        long before = api("demo-alice").get(SUB, "sub_0042").version();
        assertThat(cli("demo-alice", "retry")).as(err + out).isZero();
        assertThat(out).contains("Saved v" + (before + 1));
        assertThat(((Subscription) api("demo-alice").get(SUB, "sub_0042")).notes()).isEqualTo("typed blind");
    }

    @Test
    void aNeverFetchedEditShowsWhatItWouldOverwriteAsAConflict(@TempDir Path data) {
        String url = restartableServer(data);
        server.close();
        server = null;
        assertThat(raw("edit", "subscriptions/sub_0043", "notes=mine, typed offline", "status=paused", "--server", url,
                "--home", home.toString())).isEqualTo(4);

        server = ConcordServer.start(ServerConfig.demo(data).withPort(java.net.URI.create(url).getPort()));
        Subscription now = (Subscription) api("demo-bob").get(SUB, "sub_0043");
        // Bob changes notes after the offline edit was made: applying it blindly would overwrite his words.
        api("demo-bob").patch(dev.concord.client.PatchCall.of(SUB, "sub_0043", now.version(),
                java.util.Map.of("notes", "bob's words"), "bob-key"));

        assertThat(cli("demo-alice", "retry")).as(err + out).isEqualTo(3);
        assertThat(out + err).contains("bob's words").contains("mine, typed offline");
        assertThat(((Subscription) api("demo-alice").get(SUB, "sub_0043")).notes()).isEqualTo("bob's words");
        assertThat(cli("demo-alice", "conflicts")).isZero();
        assertThat(out).contains("sub_0043");
    }

    @Test
    void everySaveRefreshesTheLastCopySoALaterOfflineEditStartsFromIt(@TempDir Path data) {
        String url = restartableServer(data);
        assertThat(cli("demo-alice", "get", "subscriptions/sub_0044")).isZero();
        long fetched = api("demo-alice").get(SUB, "sub_0044").version();
        assertThat(cli("demo-alice", "edit", "subscriptions/sub_0044", "notes=saved online")).as(err).isZero();
        server.close();
        server = null;

        assertThat(raw("edit", "subscriptions/sub_0044", "status=paused", "--server", url,
                "--home", home.toString())).isEqualTo(4);
        assertThat(out).contains("editing from your last copy, v" + (fetched + 1));
        server = ConcordServer.start(ServerConfig.demo(data).withPort(java.net.URI.create(url).getPort()));
        assertThat(cli("demo-alice", "retry")).as(err + out).isZero();
        assertThat(out).doesNotContain("onflict");
        Subscription after = (Subscription) api("demo-alice").get(SUB, "sub_0044");
        assertThat(after.notes()).isEqualTo("saved online");
        assertThat(after.version()).isEqualTo(fetched + 2);
    }

    /** A demo server on files under {@code data}, so it can be stopped and started again on the same port. */
    private String restartableServer(Path data) {
        server.close();
        server = ConcordServer.start(ServerConfig.demo(data));
        return server.baseUrl();
    }

    @Test
    void plansAndInvoicesWorkTheSameWay() {
        Plan plan = (Plan) api("demo-alice").get(EntityKind.PLAN, "plan_basic");
        assertThat(cli("demo-alice", "edit", "plans/plan_basic", "features=Email support, Chat")).as(err).isZero();
        assertThat(((Plan) api("demo-alice").get(EntityKind.PLAN, "plan_basic")).features())
                .containsExactly("Email support", "Chat");
        assertThat(plan.version()).isPositive();
        assertThat(cli("demo-alice", "edit", "invoices/inv_0001", "notes=Paid by bank transfer")).as(err).isZero();
        assertThat(((Invoice) api("demo-alice").get(EntityKind.INVOICE, "inv_0001")).notes())
                .isEqualTo("Paid by bank transfer");
        assertThat(cli("demo-alice", "get", "invoices/inv_0001")).isZero();
        assertThat(out).contains("invoices/inv_0001");
    }
}
