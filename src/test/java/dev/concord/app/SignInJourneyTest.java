package dev.concord.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.concord.auth.SecretStores;
import dev.concord.client.OkHttpConcordApi;
import dev.concord.domain.Entity;
import dev.concord.domain.EntityKind;
import dev.concord.server.ConcordServer;
import dev.concord.sync.ConflictStore;
import dev.concord.testing.InMemorySecretStore;
import dev.concord.testing.OidcProvider;
import dev.concord.testing.RedirectFollowingBrowser;
import dev.concord.ui.common.FxTaskExecutor;
import dev.concord.ui.testing.UiKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The installed console's first run, headless: fresh user folder, Connect screen, sign in through a real
 * OIDC provider in process (the browser step is an HTTP client following the redirects), the list loads as
 * that user with the role from the token, an edit saves with that actor in the history while the short-lived
 * access token is refreshed under it, and a revoked refresh token brings back the Connect screen with the
 * edit kept as pending.
 */
@ExtendWith(ApplicationExtension.class)
class SignInJourneyTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    @RegisterExtension
    static final OidcProvider IDP = new OidcProvider();
    static ConcordServer server;

    @TempDir
    Path home;
    private final CountingSecrets secrets = new CountingSecrets();
    private final FxTaskExecutor executor = new FxTaskExecutor();
    private final ExecutorService background = Executors.newCachedThreadPool();
    private ConnectFlow flow;
    private final MovableClock clock = new MovableClock();

    /** The system clock plus an offset a test moves on. */
    static final class MovableClock extends java.time.Clock {
        volatile Duration offset = Duration.ZERO;

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public java.time.Instant instant() {
            return java.time.Instant.now().plus(offset);
        }
    }

    @BeforeAll
    static void startServer() {
        server = IDP.concordServer();
    }

    @Start
    void start(Stage primary) {
        // The flow opens windows of its own.
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> {
            if (flow != null && flow.stage() != null) {
                flow.stage().hide();
            }
        });
        executor.close();
        background.shutdownNow();
    }

    @Test
    void freshUserSignsInEditsThroughARefreshAndKeepsTheEditWhenTheSessionIsRevoked(FxRobot robot) throws Exception {
        assertThat(home).isEmptyDirectory();
        ConsoleConf conf = new ConsoleConf(server.baseUrl(), IDP.issuer().toString(), OidcProvider.CLIENT_ID, Map.of());
        flow = new ConnectFlow(new Connections(conf, secrets, new RedirectFollowingBrowser(), home, clock), conf, home,
                executor, background, () -> { });
        robot.interact(flow::start);
        await().atMost(WAIT).until(() -> root().lookup("#connect-screen") != null);
        assertThat(robot.from(root()).lookup("#connect-server").queryTextInputControl().getText()).isEqualTo(server.baseUrl());

        // Carol's access tokens live one second at the server: requests are refused and sent again with a
        // refreshed token, under the agent's work.
        IDP.nextSignIn("carol", "agent", 1);
        robot.clickOn(robot.from(root()).lookup("#connect-sign-in").queryButton());
        await().atMost(WAIT).until(() -> flow.stage().getTitle().contains("carol (agent)"));
        @SuppressWarnings("unchecked")
        TableView<dev.concord.ui.records.RecordRow> table = robot.from(root()).lookup("#table-subscriptions").queryAs(TableView.class);
        await().atMost(WAIT).until(() -> !table.getItems().isEmpty());

        // Her access token expires at the server before she saves: the save is refused once, refreshed, resent.
        String first = flow.current().tokens().current();
        await().atMost(WAIT).until(() ->
                new dev.concord.testing.ApiTestClient(server.baseUrl()).get(first, "/api/v1/me").status() == 401);
        UiKeys.clickRow(robot, root(), "#table-subscriptions", 0);
        String id = table.getItems().get(0).id();
        setNotes(robot, "Carol: called the customer.");
        UiKeys.ctrl(robot, KeyCode.S);
        await().atMost(WAIT).untilAsserted(() -> assertThat(notice(robot).getText()).startsWith("Saved"));
        OkHttpConcordApi viewer = new OkHttpConcordApi(server.baseUrl(), "demo-viewer");
        assertThat(viewer.history(EntityKind.SUBSCRIPTION, id).get(0).actor()).isEqualTo("carol");
        assertThat(secrets.refreshTokensKept.get()).as("the expired access token was refreshed").isGreaterThan(1);

        // Carol starts another edit; meanwhile an administrator revokes her session at the provider, and her
        // access token comes due (the session's clock moves on two hours). Whichever request asks for the next
        // refresh (typing announces "editing", or the save) finds the session ended: the console keeps the
        // unsaved edit as pending before it asks to sign in again.
        setNotes(robot, "Carol: refund promised.");
        IDP.revoke(secrets.get(SecretStores.refreshTokenKey(server.baseUrl())).orElseThrow());
        IDP.refuseNextRefresh();
        clock.offset = Duration.ofHours(2);
        if (root().lookup("#connect-screen") == null) {
            UiKeys.ctrl(robot, KeyCode.S);
        }

        await().atMost(WAIT).until(() -> root().lookup("#connect-screen") != null);
        assertThat(robot.from(root()).lookup("#connect-message").queryAs(Label.class).getText())
                .contains("sign-in has ended").contains("pending");
        ConflictStore store = new ConflictStore(home.resolve("carol").resolve("conflicts.json"));
        assertThat(store.pending()).hasSize(1);
        assertThat(store.pending().get(0).mine().get("notes")).isEqualTo("Carol: refund promised.");
        assertThat(viewer.get(EntityKind.SUBSCRIPTION, id).values().get("notes")).isEqualTo("Carol: called the customer.");
        assertThat(secrets.get(SecretStores.refreshTokenKey(server.baseUrl()))).isEmpty();
        assertThat(Files.readString(home.resolve("console.json"))).doesNotContain("token\"");
    }

    /** Puts the whole text into the notes at once (one change, as a paste), then leaves the focus there. */
    private void setNotes(FxRobot robot, String text) {
        robot.interact(() -> {
            var notes = robot.from(root()).lookup("#field-notes").queryTextInputControl();
            notes.requestFocus();
            notes.setText(text);
        });
    }

    private Node root() {
        return flow.stage().getScene().getRoot();
    }

    private Label notice(FxRobot robot) {
        return robot.from(root()).lookup("#notice").queryAs(Label.class);
    }

    /** The in-memory store, counting how often a refresh token is kept (once per sign-in or refresh). */
    static final class CountingSecrets implements dev.concord.auth.SecretStore {
        final AtomicInteger refreshTokensKept = new AtomicInteger();
        private final InMemorySecretStore store = new InMemorySecretStore();

        @Override
        public java.util.Optional<String> get(String key) {
            return store.get(key);
        }

        @Override
        public void put(String key, String secret) {
            if (key.startsWith("refresh-token")) {
                refreshTokensKept.incrementAndGet();
            }
            store.put(key, secret);
        }

        @Override
        public void delete(String key) {
            store.delete(key);
        }

        @Override
        public String description() {
            return store.description();
        }
    }
}
