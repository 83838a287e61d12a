package dev.concord.testing;

import dev.concord.client.PatchCall;
import dev.concord.domain.Entity;
import dev.concord.sync.SaveOutcome;
import dev.concord.ui.common.FxTaskExecutor;
import dev.concord.ui.common.Theme;
import dev.concord.ui.editor.RecordSaver;
import dev.concord.ui.main.ConflictUi;
import dev.concord.ui.main.ConsoleServices;
import dev.concord.ui.main.ConsoleView;
import dev.concord.ui.main.ConsoleViewModel;
import dev.concord.ui.main.ConsoleWindow;
import dev.concord.ui.testing.AgentWindow;
import dev.concord.ui.testing.NoConflicts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Console windows for TestFX tests, instead of each class starting a server, making a home, opening windows and
 * closing them again in its own way. Register it on a static field, on the real demo server or on the shared fake:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final ConsoleFixture console = ConsoleFixture.onDemoServer();   // or ConsoleFixture.onFake()
 *
 * @Test
 * void something(FxRobot robot) {
 *     AgentWindow alice = console.open("demo-alice");                     // or console.showOnFake()
 * }
 * }</pre>
 *
 * Per test class: the JavaFX toolkit (headless under Monocle, see the pom) and, with {@link #onDemoServer()}, one
 * in-memory demo server (a {@link DemoServerFixture}). Per test: a fresh home directory (conflict stores live
 * there), a fresh {@link FakeConcordApi} with {@link #onFake()}, an executor for blocking calls, and afterwards
 * every window the test left open is closed and everything it opened through here is closed, newest first.
 * Test methods (and {@code @BeforeEach}/{@code @AfterEach} methods) get an {@link FxRobot} as a parameter, so
 * the class needs no TestFX {@code ApplicationExtension} (and must not have one: both would offer the robot).
 */
public final class ConsoleFixture implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback, ParameterResolver {
    private static final long FX_TIMEOUT_SECONDS = 15;
    private final DemoServerFixture server;
    private final boolean fake;
    private final FxRobot robot = new FxRobot();
    private final Deque<AutoCloseable> toClose = new ArrayDeque<>();
    private Set<Window> windowsBefore = Set.of();
    private Path home;
    private FxTaskExecutor executor;
    private FakeConcordApi fakeApi;

    private ConsoleFixture(DemoServerFixture server, boolean fake) {
        this.server = server;
        this.fake = fake;
    }

    /** Consoles of the demo agents on one in-memory demo server, started for the class and closed after it. */
    public static ConsoleFixture onDemoServer() {
        return new ConsoleFixture(new DemoServerFixture(TestServers::h2Demo), false);
    }

    /** A console on a fresh {@link FakeConcordApi} (actor "alice") for each test; no server. */
    public static ConsoleFixture onFake() {
        return new ConsoleFixture(null, true);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        FxToolkit.registerPrimaryStage();
        if (server != null) {
            server.beforeAll(context);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (server != null) {
            server.afterAll(context);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        windowsBefore = onFx(() -> Set.copyOf(Window.getWindows()));
        home = Files.createTempDirectory("concord-console-test-");
        executor = closeAfter(new FxTaskExecutor());
        fakeApi = fake ? new FakeConcordApi("alice") : null;
    }

    /**
     * Closes the windows the test left open (its consoles, dialogs, menus), then what it opened here, newest
     * first (a console's live updates stop only after its window is gone, as in the app), then deletes the home.
     */
    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        try {
            onFx(() -> {
                List.copyOf(Window.getWindows()).stream().filter(w -> !windowsBefore.contains(w))
                        .forEach(Window::hide);
                while (!toClose.isEmpty()) {
                    toClose.pop().close();
                }
                return null;
            });
        } finally {
            toClose.clear();
            deleteHome();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == FxRobot.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return robot;
    }

    /** The demo server's address (only with {@link #onDemoServer()}). */
    public String serverUrl() {
        if (server == null || server.server() == null) {
            throw new IllegalStateException("no server: use ConsoleFixture.onDemoServer() on a static field");
        }
        return server.server().baseUrl();
    }

    /** This test's home directory: empty at the start of each test, deleted after it. */
    public Path home() {
        return home;
    }

    /** This test's executor for blocking calls, closed after it. */
    public FxTaskExecutor executor() {
        return executor;
    }

    /** This test's fake service (only with {@link #onFake()}): fresh and empty for each test. */
    public FakeConcordApi fake() {
        if (fakeApi == null) {
            throw new IllegalStateException("no fake: use ConsoleFixture.onFake()");
        }
        return fakeApi;
    }

    /** Closes {@code closeable} after the test, after its windows are closed (on the FX thread); returns it. */
    public <T extends AutoCloseable> T closeAfter(T closeable) {
        toClose.push(closeable);
        return closeable;
    }

    /**
     * Opens the console window of the agent whose token this is, in a window of its own (never TestFX's shared
     * primary stage), wired as the app wires it (see {@link AgentWindow}). Closed after the test.
     */
    public AgentWindow open(String token) {
        return closeAfter(onFx(() -> new AgentWindow(new Stage(), serverUrl(), token, home)));
    }

    /** A console shown on this test's fake, whose saves are plain versioned writes to it. */
    public Shown showOnFake() {
        return showOnFake(this::plainWrite);
    }

    /** A console shown on this test's fake that saves with {@code saver}, in a window of its own. */
    public Shown showOnFake(RecordSaver saver) {
        FakeConcordApi api = fake();
        return onFx(() -> {
            Stage stage = new Stage();
            Theme.LIGHT.apply();
            ConsoleServices services = new ConsoleServices("http://fake", api, saver, new NoConflicts(), executor);
            ConsoleView view = ConsoleWindow.show(stage, new ConsoleViewModel(services), ConflictUi.placeholder(),
                    Theme.LIGHT, t -> { });
            return new Shown(stage, view);
        });
    }

    /** A console window on the fake: its stage and its view. */
    public record Shown(Stage stage, ConsoleView view) {
    }

    /** The saver a real console gets from the retry coordinator; here a plain versioned write to the fake. */
    private SaveOutcome plainWrite(Entity base, dev.concord.domain.FieldValues mine) {
        Entity saved = fakeApi.patch(PatchCall.of(base.kind(), base.id(), base.version(),
                mine.only(mine.changedFrom(base.values())), "k-" + System.nanoTime()));
        return new SaveOutcome.Saved(saved, List.of(), 1);
    }

    /** Runs {@code work} on the FX thread (at once when already on it) and returns its result. */
    private static <T> T onFx(Callable<T> work) {
        if (Platform.isFxApplicationThread()) {
            try {
                return work.call();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        try {
            return WaitForAsyncUtils.asyncFx(work).get(FX_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } catch (Exception e) {
            throw new IllegalStateException("the FX thread did not answer in " + FX_TIMEOUT_SECONDS + " s", e);
        }
    }

    private void deleteHome() throws IOException {
        if (home == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(home)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            home = null;
        }
    }
}
