package dev.concord.app;

import dev.concord.ui.main.LanguageMenu;

import dev.concord.i18n.Localization;

import static dev.concord.i18n.Localization.lang;

import dev.concord.client.AccessTokens;
import dev.concord.client.ConcordApi;
import dev.concord.client.Page;
import dev.concord.domain.EntityKind;
import dev.concord.ui.records.RecordListViewModel;
import dev.concord.ui.common.Appearance;
import dev.concord.ui.common.Theme;
import dev.concord.ui.common.PlacedWindow;
import dev.concord.ui.common.WindowBounds;
import dev.concord.sync.ConflictStore;
import dev.concord.sync.RetryCoordinator;
import dev.concord.sync.StoreWatcher;
import dev.concord.ui.common.ConflictFeed;
import dev.concord.ui.common.FxTaskExecutor;
import dev.concord.ui.live.LiveConsole;
import dev.concord.ui.main.ConsoleServices;
import dev.concord.ui.main.ConsoleView;
import dev.concord.ui.main.ConsoleViewModel;
import dev.concord.ui.main.ConsoleWindow;
import dev.concord.ui.main.StoreConflictUi;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * Starts JavaFX from a plain class (no Application subclass, so it runs from the class path), opens one
 * console window and blocks until it is closed.
 */
final class ConsoleApp {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ConsoleApp.class);

    private ConsoleApp() {
    }

    /** What the window talks through; built off the FX thread (disk, Jackson, OkHttp) while the toolkit starts. */
    record Parts(ConcordApi api, ConflictStore store, RetryCoordinator coordinator) {
    }

    /**
     * Opens the console and blocks until its window is closed. The toolkit has been starting since Main
     * ({@link FxToolkit}) while {@code parts} are built; the window shows as soon as the toolkit runs
     * (saying "Connecting..."), gets the console once {@code parts} are ready, and loads once
     * {@code serverReady} (the embedded server's start) completes; if either fails, the window closes.
     */
    static void runUntilClosed(ConsoleSetup setup, CompletionStage<Parts> parts, CompletionStage<?> serverReady)
            throws InterruptedException {
        CountDownLatch closed = new CountDownLatch(1);
        FxTaskExecutor executor = new FxTaskExecutor();
        WindowBounds savedWindow = setup.savedWindow();
        AtomicReference<PlacedWindow> placed = new AtomicReference<>();
        // The subscriptions' first page is asked for as soon as the client and the server are both up, beside the
        // window's build, not after it (issue 16): the same request the list would make, only earlier.
        CompletableFuture<Page> firstPage = parts.toCompletableFuture()
                .thenCombine(serverReady.toCompletableFuture(), (p, ready) -> p)
                .thenApplyAsync(p -> p.api().list(EntityKind.SUBSCRIPTION, RecordListViewModel.firstPageQuery()),
                        task -> {
                            Thread t = new Thread(task, "concord-first-page");
                            t.setDaemon(true);
                            t.start();
                        });
        FxToolkit.await();
        // The window first (issue 16): an agent sees it about when a one-label JavaFX window would show; the
        // console is built into it once its first frame is out and the client is ready.
        Platform.runLater(() -> {
            Stage stage = new Stage();
            stage.setOnHidden(e -> closed.countDown());
            Appearance.shared().use(setup.theme(), setup.textSize());
            placed.set(ConsoleWindow.place(stage, savedWindow));
            ConsoleWindow.showShell(stage, lang("window.titleUser", setup.user(), setup.server()));
            ConsoleWindow.afterFirstPulse(stage.getScene(), () -> {
                parts.whenComplete((p, partsFailure) -> Platform.runLater(() -> {
                    if (partsFailure != null) {
                        closed.countDown();
                    } else if (stage.isShowing()) {
                        StartOrder.previewRowsThenBuild(stage, firstPage,
                                () -> build(stage, setup, p, executor, serverReady, firstPage));
                    }
                }));
            });
        });
        try {
            closed.await();
            // Off the FX thread, before the toolkit stops: where the window was, for the next start.
            if (placed.get() != null) {
                setup.rememberWindow(placed.get().last());
            }
        } finally {
            executor.close();
            Platform.exit();
        }
    }

    /** Builds the console into the shown {@code stage}; it closes if the embedded server fails to start. */
    private static void build(Stage stage, ConsoleSetup setup, Parts p, FxTaskExecutor executor,
                              CompletionStage<?> serverReady, CompletionStage<Page> firstPage) {
        ConsoleViewModel vm = open(stage, setup, p.api(), p.store(), p.coordinator(), executor, serverReady, firstPage);
        BenchProbe.attachIfAsked(stage, vm);
        serverReady.whenComplete((ok, failure) -> {
            if (failure != null) {
                Platform.runLater(stage::hide);
            }
        });
        StartOrder.warmUpDialogAfterFirstRows(stage, vm);
    }

    /** Builds one console in {@code stage}; must run on the FX thread. */
    static ConsoleViewModel open(Stage stage, ConsoleSetup setup, ConcordApi api, ConflictStore store,
                                 RetryCoordinator coordinator, FxTaskExecutor executor) {
        return open(stage, setup, api, store, coordinator, executor, CompletableFuture.completedFuture(null));
    }

    /** Builds one console in {@code stage} that loads and goes live once {@code serverReady} completes. */
    static ConsoleViewModel open(Stage stage, ConsoleSetup setup, ConcordApi api, ConflictStore store,
                                 RetryCoordinator coordinator, FxTaskExecutor executor, CompletionStage<?> serverReady) {
        return open(stage, setup, api, store, coordinator, executor, serverReady, null);
    }

    /** As above; {@code firstPage}, if not null, is the subscriptions' first page, already asked for. */
    private static ConsoleViewModel open(Stage stage, ConsoleSetup setup, ConcordApi api, ConflictStore store,
                                 RetryCoordinator coordinator, FxTaskExecutor executor, CompletionStage<?> serverReady,
                                 CompletionStage<Page> firstPage) {
        Appearance appearance = Appearance.shared();
        appearance.use(setup.theme(), setup.textSize());
        // The settings file is disk I/O: written on the executor, never on the FX thread.
        appearance.setOnChosen(chosen -> {
            Theme theme = chosen.getTheme();
            int textSize = chosen.getTextSize();
            executor.run(() -> {
                setup.rememberAppearance(theme, textSize);
                return theme;
            }, saved -> { }, failure -> LOG.warn("could not save the theme and text size", failure));
        });
        ConsoleServices services = new ConsoleServices(setup.server(), api, coordinator::save,
                ConflictFeed.of(store), executor);
        ConsoleViewModel vm = new ConsoleViewModel(services);
        if (firstPage != null) {
            vm.setFirstPage(firstPage);
        }
        ConsoleView view = ConsoleWindow.show(stage, vm, new StoreConflictUi(store, coordinator, executor), appearance,
                serverReady);
        view.setAbout(() -> List.of(lang("about.version", Version.current()), lang("about.server", setup.server()),
                lang("about.demoUser", setup.user()), lang("about.data", setup.userDir()),
                lang("about.log", ConsoleLogging.consoleLog(setup.home()))));
        stage.setTitle(lang("window.titleUser", setup.user(), setup.server()));
        // A console started with a token has no name of its own (its folder is user-<hash of the token>): once the
        // server says who it is, the title names that person, as the status bar does.
        javafx.beans.value.ChangeListener<String> titled = (o, was, now) -> {
            if (!now.isEmpty()) {
                stage.setTitle(lang("window.titleUser", now, setup.server()));
            }
        };
        vm.status().signedInAsProperty().addListener(titled);
        titled.changed(null, null, vm.status().signedInAsProperty().get());
        LanguageMenu.install(view, Localization.language(), chosen -> executor.run(() -> {
            setup.rememberLanguage(chosen);
            return chosen;
        }, saved -> { }, failure -> LOG.warn("could not save the language", failure)));
        watchStore(stage, store, executor);
        if (serverReady.toCompletableFuture().isDone()) {
            goLive(stage, vm, view, setup);
        } else {
            serverReady.whenComplete((ok, failure) -> Platform.runLater(() -> {
                if (failure == null && stage.isShowing()) {
                    goLive(stage, vm, view, setup);
                }
            }));
        }
        return vm;
    }

    /**
     * The console of a connection, as built: its view (for menus) and view model (for the unsaved edit).
     */
    record Opened(ConsoleView view, ConsoleViewModel vm) {
    }

    /**
     * Builds one console in {@code stage} for a connection made on the Connect screen (or resumed): the
     * client's bearer tokens come from {@code tokens} (a signed-in session refreshes them); the look is
     * {@code appearance}'s, saved by whoever set its {@code onChosen}. Must run on the FX thread.
     */
    static Opened openConnected(Stage stage, String server, String title, AccessTokens tokens, ConcordApi api,
                                     ConflictStore store, RetryCoordinator coordinator, FxTaskExecutor executor,
                                     Appearance appearance) {
        ConsoleServices services = new ConsoleServices(server, api, coordinator::save, ConflictFeed.of(store), executor);
        ConsoleViewModel vm = new ConsoleViewModel(services);
        ConsoleView view = ConsoleWindow.show(stage, vm, new StoreConflictUi(store, coordinator, executor), appearance,
                CompletableFuture.completedFuture(null));
        stage.setTitle(title);
        LiveConsole live = LiveConsole.start(vm, view, server, tokens);
        stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> live.close());
        watchStore(stage, store, executor);
        return new Opened(view, vm);
    }

    /**
     * Conflicts and pending edits the command line (or another console) writes to the store file show up
     * here: a watch on the file, and a reread whenever the window gains focus (for platforms whose watch
     * service only polls). The reread is disk I/O, so it runs on the executor.
     */
    private static void watchStore(Stage stage, ConflictStore store, FxTaskExecutor executor) {
        StoreWatcher watcher = StoreWatcher.start(store);
        stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> watcher.close());
        stage.focusedProperty().addListener((obs, was, focused) -> {
            if (focused) {
                executor.run(() -> {
                    store.refresh();
                    return null;
                }, done -> { }, failure -> LOG.warn("could not reread the conflict store", failure));
            }
        });
    }

    private static void goLive(Stage stage, ConsoleViewModel vm, ConsoleView view, ConsoleSetup setup) {
        LiveConsole live = LiveConsole.start(vm, view, setup.server(), setup.token());
        stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> live.close());
    }
}
