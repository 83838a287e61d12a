package dev.concord.app;

import dev.concord.ui.main.LanguageMenu;

import dev.concord.i18n.Localization;

import dev.concord.i18n.Language;

import static dev.concord.i18n.Localization.lang;

import dev.concord.auth.SignedInSession;
import dev.concord.client.OkHttpConcordApi;
import dev.concord.server.ConcordServer;
import dev.concord.sync.ConflictStore;
import dev.concord.sync.RetryCoordinator;
import dev.concord.sync.SyncServices;
import dev.concord.ui.common.Appearance;
import dev.concord.ui.common.PlacedWindow;
import dev.concord.ui.main.ConsoleWindow;
import dev.concord.ui.common.FxTaskExecutor;
import dev.concord.ui.connect.ConnectActions;
import dev.concord.ui.connect.ConnectView;
import dev.concord.ui.connect.ConnectViewModel;
import dev.concord.ui.main.AccountMenus;
import dev.concord.ui.editor.EditorViewModel;
import dev.concord.ui.main.ConsoleViewModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * The installed console's windows: the Connect screen until a connection works, then the console; back to
 * the Connect screen on Sign out, Connect to another server, or when the sign-in ends (the refresh token
 * was revoked: whatever was being saved stays a pending edit in the user's folder). FX thread only, except
 * the connection work, which runs on {@code background}. The windows are swapped by a {@link StageSwitcher}, what
 * is remembered is kept by {@link InstalledSettings}.
 */
final class ConnectFlow implements ConnectActions {
    private final Connections connections;
    private final ConsoleConf conf;
    private final Path home;
    private final InstalledSettings settings;
    private final FxTaskExecutor executor;
    private final Executor background;
    private final StageSwitcher windows;
    private Connections.Connected current;
    private volatile PlacedWindow consoleWindow;
    private final List<ConcordServer> demoServers = new ArrayList<>();

    ConnectFlow(Connections connections, ConsoleConf conf, Path home, FxTaskExecutor executor, Executor background,
                Runnable onQuit) {
        this.connections = connections;
        this.conf = conf;
        this.home = home;
        this.settings = new InstalledSettings(home, background);
        // Before any window: every word is looked up in the language chosen here.
        ConsoleLanguage.use(Language.ofTag(settings.current().language()).orElse(null));
        this.executor = executor;
        this.background = background;
        this.windows = new StageSwitcher(onQuit);
    }

    /** Resumes the last connection if the secret store kept one, else shows the Connect screen. */
    void start() {
        String server = conf.server();
        String mode = settings.current().mode();
        CompletableFuture.supplyAsync(() -> {
            try {
                return connections.resume(server, mode);
            } catch (Exception e) {
                throw new CompletionException(e); // the Connect screen words it by its kind
            }
        }, background).whenComplete((resumed, failure) -> Platform.runLater(() -> {
            if (failure == null && resumed.isPresent()) {
                openConsole(resumed.get());
            } else {
                showConnect(failure == null ? null : ConnectViewModel.describe(failure));
            }
        }));
    }

    void showConnect(String message) {
        String server = current != null ? current.server() : conf.server();
        ConnectViewModel vm = new ConnectViewModel(this, server, message, Platform::runLater);
        Appearance appearance = settings.appearance();
        Stage next = windows.newStage();
        next.setTitle(lang("connect.windowTitle"));
        Scene scene = new Scene(ConnectView.scrolling(vm), ConnectView.WINDOW_WIDTH, ConnectView.WINDOW_HEIGHT);
        appearance.installShortcuts(scene);
        next.setScene(scene);
        // Placed by hand: the first window of the process would otherwise open at GTK's 200x200 (PlacedWindow).
        PlacedWindow.placeCentred(next, ConnectView.WINDOW_WIDTH, ConnectView.WINDOW_HEIGHT);
        windows.switchTo(next);
    }

    @Override
    public CompletionStage<?> signIn(String serverUrl) {
        return connect(() -> connections.signIn(serverUrl), "sign-in");
    }

    @Override
    public CompletionStage<?> useToken(String serverUrl, String token) {
        return connect(() -> connections.useToken(serverUrl, token), "token");
    }

    @Override
    public CompletionStage<?> tryDemo() {
        return connect(() -> connections.demo(demoServers::add), null);
    }

    @Override
    public boolean signInAvailable() {
        return conf.signInConfigured();
    }

    @Override
    public String secretsKeptIn() {
        return connections.secrets().description();
    }

    /** Demo servers this console started; closed when it quits. */
    List<ConcordServer> demoServers() {
        return demoServers;
    }

    private interface Step {
        Connections.Connected run() throws Exception;
    }

    private CompletionStage<?> connect(Step step, String mode) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                Connections.Connected c = step.run();
                if (mode != null) {
                    settings.rememberConnection(c.server(), mode);
                }
                return c;
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new CompletionException(e); // the Connect screen words it by its kind
            }
        }, background).thenAcceptAsync(this::openConsole, Platform::runLater);
    }

    private void openConsole(Connections.Connected c) {
        current = c;
        Path folder = home.resolve(folderName(c.who().actor()));
        OkHttpConcordApi api = new OkHttpConcordApi(c.server(), c.tokens());
        ConflictStore store = new ConflictStore(folder.resolve(SyncServices.STORE_FILE));
        RetryCoordinator coordinator = new RetryCoordinator(api, store);
        Stage next = windows.newStage();
        consoleWindow = ConsoleWindow.place(next, settings.current().window());
        // Saved whenever a console window closes (Connect elsewhere, Sign out); at quit, InstalledConsole saves it.
        PlacedWindow placed = consoleWindow;
        next.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> settings.rememberWindow(placed.last()));
        ConsoleApp.Opened opened = ConsoleApp.openConnected(next, c.server(),
                lang("window.titleInstalled", c.who().actor(), c.who().role(), c.server()), c.tokens(), api, store,
                coordinator, executor, settings.appearance());
        LanguageMenu.install(opened.view(), Localization.language(), chosen -> settings.rememberLanguage(chosen.tag()));
        AccountMenus.install(opened.view(), new AccountMenus.Actions() {
            @Override
            public void connectElsewhere() {
                showConnect(null);
            }

            @Override
            public void signOut() {
                ConnectFlow.this.signOut(c);
            }

            @Override
            public List<String> about() {
                return aboutLines(c, folder);
            }
        });
        if (c.session() != null) {
            SignedInSession session = c.session();
            session.onEnded(() -> Platform.runLater(() -> {
                if (current == c) {
                    keepEditThenReconnect(opened.vm());
                }
            }));
        }
        windows.switchTo(next);
    }

    /**
     * The sign-in has ended while the console is open. An edit not yet saved is saved now: with the session
     * over, the coordinator keeps it as a pending edit in the user's folder instead of sending it. Then the
     * Connect screen asks to sign in again; the pending edit is there once they have.
     */
    private void keepEditThenReconnect(ConsoleViewModel vm) {
        String message = lang("connect.sessionEnded");
        EditorViewModel editor = vm.getEditor();
        if (editor != null && editor.isDirty() && !editor.savingProperty().get()) {
            vm.saveCurrent();
        }
        if (editor != null && editor.savingProperty().get()) {
            editor.savingProperty().addListener((obs, was, saving) -> {
                if (!saving) {
                    showConnect(message);
                }
            });
        } else {
            showConnect(message);
        }
    }

    private void signOut(Connections.Connected c) {
        background.execute(() -> {
            if (c.session() != null) {
                c.session().signOut();
            } else if (c.secretKey() != null) {
                connections.secrets().delete(c.secretKey());
            }
            settings.rememberConnection(c.server(), null);
        });
        showConnect(lang("connect.signedOut"));
    }

    List<String> aboutLines(Connections.Connected c, Path folder) {
        return List.of(lang("about.version", Version.current()),
                c.server().equals(conf.server()) && conf.sources().containsKey("server")
                        ? lang("about.serverSetBy", c.server(), conf.sources().get("server"))
                        : lang("about.server", c.server()),
                lang("about.signedInAs", c.who().actor(), c.who().role(), c.how()),
                lang("about.data", folder.toString()),
                lang("about.log", ConsoleLogging.consoleLog(home).toString()),
                lang("about.secrets", connections.secrets().description()));
    }

    /** Saves where the last console window was, on the calling thread (at quit); nothing if none was opened. */
    void rememberWindowNow() {
        PlacedWindow placed = consoleWindow;
        if (placed != null) {
            settings.rememberWindowNow(placed.last());
        }
    }

    Stage stage() {
        return windows.stage();
    }

    /** The connection of the console shown, or of the last one (tests look at its tokens). */
    Connections.Connected current() {
        return current;
    }

    /** The user's data folder: the actor's name made safe as a folder name ("alice" stays "alice"). */
    static String folderName(String actor) {
        String s = actor.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "-");
        return s.isEmpty() || s.startsWith(".") ? "user-" + s : s;
    }
}
