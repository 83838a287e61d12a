package dev.concord.app;

import dev.concord.domain.EntityKind;
import dev.concord.ui.conflict.DialogWarmUp;
import dev.concord.ui.main.ConsoleViewModel;
import dev.concord.ui.main.ConsoleWindow;
import dev.concord.client.Page;
import dev.concord.ui.common.Appearance;
import dev.concord.ui.records.RecordRow;
import dev.concord.ui.records.RowsPreview;
import java.util.List;
import java.util.concurrent.CompletionStage;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * The order of the console's start, so that the agent sees its rows as early as the server answers: the
 * conflict dialog's warm-up (FX-thread work, over a second on a loaded machine) and the window's icons (six
 * PNGs decoded and scaled on the FX thread, ~40 ms) wait until the list has shown its first rows instead of
 * running right after the first frame, where they delayed them.
 */
final class StartOrder {
    private StartOrder() {
    }

    /** Warms the conflict dialog up once the subscription list has its first answer on screen. FX thread. */
    static void warmUpDialogAfterFirstRows(Stage stage, ConsoleViewModel vm) {
        var answered = vm.list(EntityKind.SUBSCRIPTION).answeredProperty();
        if (answered.get()) {
            afterRows(stage);
            return;
        }
        answered.addListener(new ChangeListener<Boolean>() {
            @Override
            public void changed(ObservableValue<? extends Boolean> obs, Boolean was, Boolean now) {
                if (now) {
                    obs.removeListener(this);
                    afterRows(stage);
                }
            }
        });
    }

    /** The rows' answer is in: they are laid out in the next pulse; the icons and the warm-up come after it. */
    private static void afterRows(Stage stage) {
        ConsoleWindow.afterFirstPulse(stage.getScene(), () -> WindowIdentity.setIcons(stage));
        DialogWarmUp.afterFirstPulse(stage.getScene());
    }

    /**
     * How long the console's build waits for the first page to preview: a slow or remote server must not keep
     * the agent at "Connecting..." instead of the console's menus and "Loading..." (the old order).
     */
    static final Duration ROWS_BEFORE_CONSOLE = Duration.millis(1000);

    /**
     * Runs {@code build} (the console into the shell window) after the first rows are on screen: when the first
     * page answers within {@link #ROWS_BEFORE_CONSOLE} with rows, they show at once as a plain-text preview in the
     * shell ({@link RowsPreview}, a few milliseconds of FX-thread work) and the console, whose first styling and
     * layout take ~0.3-0.4 s, is built after that frame and replaces it in one frame; otherwise the console is
     * built at once, as before. FX thread.
     */
    static void previewRowsThenBuild(Stage stage, CompletionStage<Page> firstPage, Runnable build) {
        boolean[] built = {false};
        Runnable buildOnce = () -> {
            if (!built[0] && stage.isShowing()) {
                built[0] = true;
                build.run();
            }
        };
        PauseTransition wait = new PauseTransition(ROWS_BEFORE_CONSOLE);
        wait.setOnFinished(e -> buildOnce.run());
        wait.play();
        firstPage.whenComplete((page, failure) -> Platform.runLater(() -> {
            if (built[0]) {
                return;
            }
            wait.stop();
            List<RecordRow> rows = failure == null ? page.items().stream().map(RecordRow::of).toList() : List.of();
            int textSize = Appearance.shared().getTextSize();
            boolean fits = stage.getScene() != null && RowsPreview.fits(stage.getScene().getWidth(), textSize);
            if (!rows.isEmpty() && fits
                    && ConsoleWindow.showPreview(stage, new RowsPreview(EntityKind.SUBSCRIPTION, rows,
                            page.nextCursor() != null, textSize))) {
                // The preview's frame is drawn by the render thread after its pulse, and on GTK reaches the screen
                // only once the FX thread is back in the toolkit's loop: built right after the preview's pulse, the
                // console (~0.1 s to build, ~0.3 s for its first pulse) held the preview back until the console's
                // own frame. It waits a second pulse and one more turn of the loop (A/B, load 2: rows 0.78-0.81 s
                // against 1.3-1.4 s when built after the first pulse).
                afterPulses(stage, 2, () -> Platform.runLater(buildOnce));
            } else {
                buildOnce.run();
            }
        }));
    }

    /** Runs {@code then} after {@code n} more pulses of the stage's scene (each requested). FX thread. */
    private static void afterPulses(Stage stage, int n, Runnable then) {
        if (n <= 0) {
            then.run();
            return;
        }
        ConsoleWindow.afterFirstPulse(stage.getScene(), () -> afterPulses(stage, n - 1, then));
        Platform.requestNextPulse();
    }
}
