package dev.concord.ui.main;

import dev.concord.sync.Conflict;
import dev.concord.sync.ConflictStore;
import dev.concord.sync.RetryCoordinator;
import dev.concord.sync.SaveOutcome;
import dev.concord.ui.common.TaskExecutor;
import dev.concord.ui.conflict.ConflictDialog;
import dev.concord.ui.conflict.ConflictDialogViewModel;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.stage.Window;

/** The real conflict UI: the dialog writes resolutions through the retry coordinator. */
public final class StoreConflictUi implements ConflictUi {
    private final ConflictStore store;
    private final RetryCoordinator coordinator;
    private final TaskExecutor executor;

    public StoreConflictUi(ConflictStore store, RetryCoordinator coordinator, TaskExecutor executor) {
        this.store = store;
        this.coordinator = coordinator;
        this.executor = executor;
    }

    @Override
    public Node inboxView() {
        return ConflictUi.placeholder().inboxView();
    }

    @Override
    public void open(Window owner, Conflict conflict, Consumer<SaveOutcome.Saved> onResolved) {
        ConflictDialog dialog = new ConflictDialog(new ConflictDialogViewModel(conflict, coordinator, executor), owner);
        dialog.setOnSaved(onResolved::accept);
        dialog.show();
    }

    public ConflictStore store() {
        return store;
    }
}
