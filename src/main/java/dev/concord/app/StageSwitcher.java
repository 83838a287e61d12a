package dev.concord.app;

import javafx.stage.Stage;

/**
 * The installed console's one window at a time: the next window (Connect screen or console) is shown before
 * the previous one is hidden, so switching never looks like quitting; only closing the window shown quits.
 * FX thread only.
 */
final class StageSwitcher {
    private final Runnable onQuit;
    private Stage stage;
    private boolean switching;

    StageSwitcher(Runnable onQuit) {
        this.onQuit = onQuit;
    }

    /** A new window with the app's icons; closing it while it is the one shown quits. */
    Stage newStage() {
        Stage s = new Stage();
        WindowIdentity.setIcons(s);
        s.setOnHidden(e -> {
            if (!switching && s == stage) {
                onQuit.run();
            }
        });
        return s;
    }

    /** Shows {@code next} and hides the window shown before it. */
    void switchTo(Stage next) {
        Stage previous = stage;
        stage = next;
        next.show();
        if (previous != null) {
            switching = true;
            try {
                previous.hide();
            } finally {
                switching = false;
            }
        }
    }

    /** The window shown. */
    Stage stage() {
        return stage;
    }
}
