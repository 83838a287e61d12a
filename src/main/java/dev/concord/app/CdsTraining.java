package dev.concord.app;

import javafx.animation.AnimationTimer;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.stage.Window;

/**
 * The class-data-sharing archive's training run of the installed app (packaging/package.sh), inert unless
 * asked with {@code -Dconcord.cdsTraining=true}: the program starts as an agent's would, and once its
 * first window (the Connect screen for a new user) has been laid out and drawn a few times, it exits
 * cleanly, which is when the JVM writes the archive of every class loaded up to then. An archive recorded
 * this way holds JavaFX, the theme's and the window's classes; one recorded by --self-check held none.
 */
final class CdsTraining {
    static final String PROPERTY = "concord.cdsTraining";
    /** Pulses after the first window showed: skins, CSS and the first frames have run by then. */
    private static final int PULSES = 10;

    private CdsTraining() {
    }

    /** Call on the FX thread as the toolkit starts. */
    static void exitAfterFirstWindowIfAsked() {
        if (!Boolean.getBoolean(PROPERTY)) {
            return;
        }
        Window.getWindows().addListener(new ListChangeListener<Window>() {
            @Override
            public void onChanged(Change<? extends Window> change) {
                while (change.next()) {
                    for (Window window : change.getAddedSubList()) {
                        if (window.getScene() != null) {
                            Window.getWindows().removeListener(this);
                            exitAfterPulses(window.getScene());
                            return;
                        }
                    }
                }
            }
        });
    }

    private static void exitAfterPulses(Scene scene) {
        int[] pulses = {0};
        scene.addPostLayoutPulseListener(() -> {
            if (++pulses[0] == PULSES) {
                // Not on the FX thread: System.exit waits for shutdown hooks, some of which talk to it.
                new Thread(() -> System.exit(0), "cds-training-exit").start();
            }
        });
        // A window that stays still gets no more pulses by itself: ask for them.
        AnimationTimer keepPulsing = new AnimationTimer() {
            @Override
            public void handle(long now) {
            }
        };
        keepPulsing.start();
    }
}
