package dev.concord.app;

import dev.concord.client.ConcordApi;
import dev.concord.sync.ConflictStore;
import dev.concord.sync.RetryCoordinator;
import dev.concord.ui.common.ConflictFeed;
import dev.concord.ui.common.FxTaskExecutor;
import dev.concord.ui.live.LiveConsole;
import dev.concord.ui.main.ConsoleServices;
import dev.concord.ui.main.ConsoleView;
import dev.concord.ui.main.ConsoleViewModel;
import dev.concord.ui.main.ConsoleWindow;
import dev.concord.ui.main.StoreConflictUi;
import java.util.concurrent.CountDownLatch;
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

    static void runUntilClosed(ConsoleSetup setup, ConcordApi api, ConflictStore store, RetryCoordinator coordinator)
            throws InterruptedException {
        CountDownLatch closed = new CountDownLatch(1);
        FxTaskExecutor executor = new FxTaskExecutor();
        Platform.startup(() -> {
            Platform.setImplicitExit(false);
            Stage stage = new Stage();
            ConsoleViewModel vm = open(stage, setup, api, store, coordinator, executor);
            BenchProbe.attachIfAsked(stage, vm);
            stage.setOnHidden(e -> closed.countDown());
        });
        try {
            closed.await();
        } finally {
            executor.close();
            Platform.exit();
        }
    }

    /** Builds one console in {@code stage}; must run on the FX thread. */
    static ConsoleViewModel open(Stage stage, ConsoleSetup setup, ConcordApi api, ConflictStore store,
                                 RetryCoordinator coordinator, FxTaskExecutor executor) {
        setup.theme().apply();
        ConsoleServices services = new ConsoleServices(setup.server(), api, coordinator::save,
                ConflictFeed.of(store), executor);
        ConsoleViewModel vm = new ConsoleViewModel(services);
        // The settings file is disk I/O: written on the executor, never on the FX thread.
        ConsoleView view = ConsoleWindow.show(stage, vm, new StoreConflictUi(store, coordinator, executor), setup.theme(),
                chosen -> executor.run(() -> {
                    setup.rememberTheme(chosen);
                    return chosen;
                }, saved -> { }, failure -> LOG.warn("could not save the theme", failure)));
        stage.setTitle("Concord \u2014 " + setup.user() + " @ " + setup.server());
        LiveConsole live = LiveConsole.start(vm, view, setup.server(), setup.token());
        stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> live.close());
        return vm;
    }
}
