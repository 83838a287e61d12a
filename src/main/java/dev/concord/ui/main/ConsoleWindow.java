package dev.concord.ui.main;

import static dev.concord.i18n.Localization.lang;

import dev.concord.ui.common.Appearance;
import dev.concord.ui.common.Theme;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.util.Duration;
import javafx.stage.Stage;

/** Puts a console into a stage: the scene at 1280x800, the console's style sheet, the title. */
public final class ConsoleWindow {
    public static final double WIDTH = 1280;
    public static final double HEIGHT = 800;
    public static final double MIN_WIDTH = 640;
    public static final double MIN_HEIGHT = 480;
    private static final String CSS = Objects.requireNonNull(
            ConsoleWindow.class.getResource("/dev/concord/ui/console.css"), "console.css").toExternalForm();

    private static final Duration HEALTH_CHECK_EVERY = Duration.seconds(20);

    private ConsoleWindow() {
    }

    /** Builds the window's content in {@code stage}, starts loading, and returns the view. */
    public static ConsoleView show(Stage stage, ConsoleViewModel vm, ConflictUi conflictUi, Theme theme,
                                   Consumer<Theme> themeChosen) {
        return show(stage, vm, conflictUi, theme, themeChosen, CompletableFuture.completedFuture(null));
    }

    /**
     * Builds and shows the window at once, and starts loading when {@code serverReady} completes (the
     * embedded server may still be starting): until then the status bar says "Connecting..." and the
     * lists "Loading...". A failed {@code serverReady} starts loading too, so the window says what fails.
     */
    public static ConsoleView show(Stage stage, ConsoleViewModel vm, ConflictUi conflictUi, Theme theme,
                                   Consumer<Theme> themeChosen, CompletionStage<?> serverReady) {
        Appearance appearance = Appearance.shared();
        appearance.use(theme, appearance.getTextSize());
        appearance.setOnChosen(chosen -> themeChosen.accept(chosen.getTheme()));
        return show(stage, vm, conflictUi, appearance, serverReady);
    }

    /**
     * As above, with the process's {@link Appearance} (theme and text size, remembered by whoever set its
     * {@code onChosen}).
     */
    public static ConsoleView show(Stage stage, ConsoleViewModel vm, ConflictUi conflictUi, Appearance appearance,
                                   CompletionStage<?> serverReady) {
        ConsoleView view = new ConsoleView(vm, conflictUi, appearance);
        Scene scene = new Scene(view, WIDTH, HEIGHT);
        scene.getStylesheets().add(CSS);
        appearance.installShortcuts(scene);
        stage.setScene(scene);
        stage.setTitle(lang("window.title", vm.services().serverUrl()));
        // Usable down to 640x480: below 1000 px the editor goes under the list (ConsoleView.arrange).
        stage.setMinWidth(MIN_WIDTH);
        stage.setMinHeight(MIN_HEIGHT);
        // Re-checks the server now and then, so "Server unreachable" clears by itself once it is back.
        Timeline healthChecks = new Timeline(new KeyFrame(HEALTH_CHECK_EVERY, e -> vm.status().checkConnection()));
        healthChecks.setCycleCount(Animation.INDEFINITE);
        healthChecks.play();
        stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_HIDDEN, e -> {
            healthChecks.stop();
            vm.close();
            conflictUi.close();
        });
        if (serverReady.toCompletableFuture().isDone()) {
            vm.start();
        } else {
            serverReady.whenComplete((ok, failure) -> Platform.runLater(() -> {
                // A window closed before the server came up has nothing left to load into.
                if (stage.isShowing()) {
                    vm.start();
                }
            }));
        }
        stage.show();
        return view;
    }
}
