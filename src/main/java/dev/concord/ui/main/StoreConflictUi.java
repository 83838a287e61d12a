package dev.concord.ui.main;

import dev.concord.sync.Conflict;
import dev.concord.sync.ConflictStore;
import dev.concord.sync.RetryCoordinator;
import dev.concord.sync.SaveOutcome;
import dev.concord.ui.common.TaskExecutor;
import dev.concord.ui.conflict.ConflictDialog;
import dev.concord.ui.inbox.ConflictInboxView;
import dev.concord.ui.inbox.ConflictInboxViewModel;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.stage.Window;

/**
 * The real conflict UI: the inbox over the conflict store, and dialogs that write resolutions through
 * the retry coordinator. Dialogs opened from the editor go through the inbox too, so one conflict never
 * has two dialogs.
 */
public final class StoreConflictUi implements ConflictUi {
    private final ConflictInboxViewModel inboxModel;
    private ConflictInboxView inbox;

    /** Must run on the FX thread (the inbox reads the store into an observable list). */
    public StoreConflictUi(ConflictStore store, RetryCoordinator coordinator, TaskExecutor executor) {
        this.inboxModel = new ConflictInboxViewModel(store, coordinator, executor);
    }

    @Override
    public Node inboxView() {
        if (inbox == null) {
            inbox = new ConflictInboxView(inboxModel);
        }
        return inbox;
    }

    @Override
    public void open(Window owner, Conflict conflict, Consumer<SaveOutcome.Saved> onResolved) {
        inboxView();
        ConflictDialog dialog = inbox.open(conflict, owner);
        dialog.setOnSaved(saved -> {
            inboxModel.resolved(dev.concord.i18n.Localization.lang("inbox.savedResolution",
                    dev.concord.ui.inbox.ConflictSummary.of(conflict).record(), String.valueOf(saved.entity().version())));
            onResolved.accept(saved);
        });
    }

    @Override
    public void close() {
        inboxModel.close();
    }
}
