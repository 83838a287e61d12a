package dev.concord.ui.testing;

import dev.concord.client.ConcordApi;
import dev.concord.client.OkHttpConcordApi;
import dev.concord.sync.ConflictStore;
import dev.concord.sync.RetryCoordinator;
import dev.concord.sync.SaveOutcome;
import dev.concord.ui.common.ConflictFeed;
import dev.concord.ui.common.FxTaskExecutor;
import dev.concord.ui.common.Theme;
import dev.concord.ui.live.LiveConsole;
import dev.concord.ui.main.ConsoleServices;
import dev.concord.ui.main.ConsoleView;
import dev.concord.ui.main.ConsoleViewModel;
import dev.concord.ui.main.ConsoleWindow;
import dev.concord.ui.main.StoreConflictUi;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.Node;
import javafx.stage.Stage;

/**
 * One agent's console window on a real server, wired as {@code ConsoleApp} wires it (own token, own conflict
 * store, real retry coordinator, live updates on), plus a record of every save outcome so a test can tell a
 * first-attempt save from a merged one.
 */
public final class AgentWindow implements AutoCloseable {
    public final Stage stage;
    public final ConcordApi api;
    public final ConflictStore store;
    public final ConsoleViewModel vm;
    public final ConsoleView view;
    public final LiveConsole live;
    public final List<SaveOutcome> outcomes = new CopyOnWriteArrayList<>();
    private final FxTaskExecutor executor = new FxTaskExecutor();

    /** Must run on the FX thread. */
    public AgentWindow(Stage stage, String serverUrl, String token, Path home) {
        this.stage = stage;
        this.api = new OkHttpConcordApi(serverUrl, token);
        this.store = new ConflictStore(home.resolve(token).resolve("conflicts.json"));
        RetryCoordinator coordinator = new RetryCoordinator(api, store);
        this.vm = new ConsoleViewModel(new ConsoleServices(serverUrl, api, (base, mine) -> {
            SaveOutcome outcome = coordinator.save(base, mine);
            outcomes.add(outcome);
            return outcome;
        }, ConflictFeed.of(store), executor));
        Theme.LIGHT.apply();
        this.view = ConsoleWindow.show(stage, vm, new StoreConflictUi(store, coordinator, executor), Theme.LIGHT,
                t -> { });
        this.live = LiveConsole.start(vm, view, serverUrl, token);
        stage.setTitle(token);
    }

    public Node root() {
        return stage.getScene().getRoot();
    }

    /** Stops live updates and the executor. Must run on the FX thread. */
    @Override
    public void close() {
        live.close();
        executor.close();
    }
}
