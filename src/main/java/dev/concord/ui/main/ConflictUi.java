package dev.concord.ui.main;

import dev.concord.sync.Conflict;
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

    /** Opens the dialog that resolves {@code conflict}; {@code onClosed} runs when it is closed. */
    void open(Window owner, Conflict conflict, Runnable onClosed);

    /** Shows where the inbox will be and opens nothing (the conflict stays in the store). */
    static ConflictUi placeholder() {
        return new ConflictUi() {
            @Override
            public Node inboxView() {
                Label label = new Label("Unresolved conflicts appear here.");
                label.setId("conflict-inbox-placeholder");
                return label;
            }

            @Override
            public void open(Window owner, Conflict conflict, Runnable onClosed) {
                onClosed.run();
            }
        };
    }
}
