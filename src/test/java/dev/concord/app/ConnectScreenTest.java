package dev.concord.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.concord.auth.OidcClient;
import dev.concord.auth.OidcClientSettings;
import dev.concord.auth.SecretStores;
import dev.concord.server.ConcordServer;
import dev.concord.testing.InMemorySecretStore;
import dev.concord.testing.OidcProvider;
import dev.concord.testing.RedirectFollowingBrowser;
import dev.concord.ui.common.FxTaskExecutor;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The installed console's other ways in, headless and through the real windows: resuming at start from
 * what the secret store kept (a sign-in's refresh token, or a token) without showing the Connect screen,
 * "Use a token" and "Try with demo data" on the Connect screen, and the configuration layers feeding it.
 */
@ExtendWith(ApplicationExtension.class)
class ConnectScreenTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    @RegisterExtension
    static final OidcProvider IDP = new OidcProvider();

    @TempDir
    Path home;
    private final InMemorySecretStore secrets = new InMemorySecretStore();
    private final FxTaskExecutor executor = new FxTaskExecutor();
    private final ExecutorService background = Executors.newCachedThreadPool();
    private final List<ConnectFlow> flows = new CopyOnWriteArrayList<>();
    /** Whether any window showed the Connect screen, from the moment the test starts watching. */
    private volatile boolean connectScreenShown;

    @Start
    void start(Stage primary) {
        // The flow opens windows of its own.
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> flows.stream().filter(f -> f.stage() != null).forEach(f -> f.stage().hide()));
        flows.forEach(f -> f.demoServers().forEach(ConcordServer::close));
        executor.close();
        background.shutdownNow();
    }

    private String server() {
        return IDP.concordServer().baseUrl();
    }

    /** A console started as the installed app is: configuration from the layers, the Connect flow. */
    private ConnectFlow startConsole(FxRobot robot, ConsoleConf conf, Connections connections) {
        ConnectFlow flow = new ConnectFlow(connections, conf, home, executor, background, () -> { });
        flows.add(flow);
        robot.interact(() -> {
            Window.getWindows().addListener((ListChangeListener<Window>) change -> {
                while (change.next()) {
                    change.getAddedSubList().forEach(w -> connectScreenShown |= w.getScene() != null
                            && w.getScene().getRoot().lookup("#connect-screen") != null);
                }
            });
            flow.start();
        });
        return flow;
    }

    private ConnectFlow startConsole(FxRobot robot, ConsoleConf conf) {
        return startConsole(robot, conf, new Connections(conf, secrets, new RedirectFollowingBrowser(), home));
    }

    private static Node root(ConnectFlow flow) {
        return flow.stage().getScene().getRoot();
    }

    private static boolean showsConsoleOf(ConnectFlow flow, String who) {
        return flow.stage() != null && flow.stage().isShowing() && flow.stage().getTitle().contains(who);
    }

    @Test
    void aKeptSignInIsResumedAtStartWithoutTheConnectScreen(FxRobot robot) throws Exception {
        // An earlier run signed erin in and kept her refresh token; console.json says how it connected.
        IDP.nextSignIn("erin", "agent", 3600);
        String refresh = new OidcClient(new OidcClientSettings(IDP.issuer(), OidcProvider.CLIENT_ID, null))
                .signIn(new RedirectFollowingBrowser(), WAIT).refreshToken();
        secrets.put(SecretStores.refreshTokenKey(server()), refresh);
        new SettingsFile(home.resolve("console.json")).save(new ConsoleSettings(server(), null, null).withConnection(server(), "sign-in"));
        // The administrator's file names the identity provider; the user's settings the server.
        Path systemFile = home.resolve("console.conf");
        Files.writeString(systemFile, "issuer = " + IDP.issuer() + "\nclient-id = " + OidcProvider.CLIENT_ID
                + "\nserver = http://127.0.0.1:1\n");
        ConsoleConf conf = ConsoleConf.resolve(systemFile, new SettingsFile(home.resolve("console.json")).load(), Map.of(),
                null, null, null);

        ConnectFlow flow = startConsole(robot, conf);

        await().atMost(WAIT).until(() -> showsConsoleOf(flow, "erin (agent)"));
        assertThat(connectScreenShown).as("no Connect screen on the way").isFalse();
        assertThat(flow.current().session()).as("a session that refreshes").isNotNull();
        assertThat(flow.current().who().role()).isEqualTo("agent");
        assertThat(secrets.get(SecretStores.refreshTokenKey(server()))).isPresent();
    }

    @Test
    void useATokenConnectsRemembersItInTheSecretStoreAndTheNextStartResumesIt(FxRobot robot) throws Exception {
        ConsoleConf conf = new ConsoleConf(server(), null, null, Map.of());
        ConnectFlow first = startConsole(robot, conf);
        await().atMost(WAIT).until(() -> first.stage() != null && root(first).lookup("#connect-screen") != null);
        assertThat(robot.from(root(first)).lookup("#connect-sign-in").queryAs(Button.class).isDisabled())
                .as("no identity provider configured").isTrue();

        // A wrong token: the screen says so and stays.
        robot.interact(() -> robot.from(root(first)).lookup("#connect-token").queryTextInputControl().setText("not-a-token"));
        robot.clickOn(robot.from(root(first)).lookup("#connect-use-token").queryButton());
        await().atMost(WAIT).until(() -> !robot.from(root(first)).lookup("#connect-message").queryAs(Label.class)
                .getText().isBlank());
        assertThat(root(first).lookup("#connect-screen")).isNotNull();
        assertThat(secrets.get(SecretStores.staticTokenKey(server()))).isEmpty();

        robot.interact(() -> robot.from(root(first)).lookup("#connect-token").queryTextInputControl().setText("demo-bob"));
        robot.clickOn(robot.from(root(first)).lookup("#connect-use-token").queryButton());
        await().atMost(WAIT).until(() -> showsConsoleOf(first, "bob (agent)"));
        assertThat(secrets.get(SecretStores.staticTokenKey(server()))).contains("demo-bob");
        assertThat(Files.readString(home.resolve("console.json"))).contains("\"token\"").doesNotContain("demo-bob");
        robot.interact(() -> first.stage().hide());

        connectScreenShown = false;
        ConnectFlow second = startConsole(robot, ConsoleConf.resolve(home.resolve("none.conf"),
                new SettingsFile(home.resolve("console.json")).load(), Map.of(), null, null, null));
        await().atMost(WAIT).until(() -> showsConsoleOf(second, "bob (agent)"));
        assertThat(connectScreenShown).isFalse();
    }

    @Test
    void tryWithDemoDataStartsAPrivateDemoServerAndOpensTheConsoleAsTheDemoAgent(FxRobot robot) throws IOException {
        String demo = "http://127.0.0.1:" + freePort();
        ConsoleConf conf = new ConsoleConf(server(), null, null, Map.of());
        ConnectFlow flow = startConsole(robot, conf, new Connections(conf, secrets, new RedirectFollowingBrowser(), home,
                Clock.systemUTC(), demo));
        await().atMost(WAIT).until(() -> flow.stage() != null && root(flow).lookup("#connect-screen") != null);

        robot.clickOn(robot.from(root(flow)).lookup("#connect-demo").queryButton());

        await().atMost(WAIT).until(() -> showsConsoleOf(flow, "alice"));
        assertThat(flow.current().server()).isEqualTo(demo);
        assertThat(flow.demoServers()).as("started here, closed when the console quits").hasSize(1);
        assertThat(home.resolve("server")).as("its data in the user's folder").isDirectory();
        assertThat(secrets.get(SecretStores.staticTokenKey(demo))).as("no demo token kept").isEmpty();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
