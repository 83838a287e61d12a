package dev.concord.ui.main;

import static dev.concord.i18n.Localization.lang;

import dev.concord.sync.Conflict;
import dev.concord.sync.SaveOutcome;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Window;

/**
 * Where the conflict inbox and the conflict dialog plug into the main window. The console passes one
 * built on the conflict store and the retry coordinator; tests of other parts may pass the placeholder.
 */
public interface ConflictUi {
    /** The content of the Conflicts tab. */
    Node inboxView();

    /** Opens the dialog that resolves {@code conflict}; {@code onResolved} gets the record it saved. */
    void open(Window owner, Conflict conflict, Consumer<SaveOutcome.Saved> onResolved);

    /** Stops following the conflict store (the window is closing). */
    default void close() {
    }

    /** Shows where the inbox will be and opens nothing (the conflict stays in the store). */
    static ConflictUi placeholder() {
        return new ConflictUi() {
            @Override
            public Node inboxView() {
                Label label = new Label(lang("inbox.placeholderShort"));
                label.setId("conflict-inbox-placeholder");
                return label;
            }

            @Override
            public void open(Window owner, Conflict conflict, Consumer<SaveOutcome.Saved> onResolved) {
                // Nothing to open: the conflict stays in the store until a dialog resolves it.
            }
        };
    }
}
