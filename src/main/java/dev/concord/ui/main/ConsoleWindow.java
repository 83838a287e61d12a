package dev.concord.ui.main;

import static dev.concord.i18n.Localization.lang;

import dev.concord.ui.common.Appearance;
import dev.concord.ui.common.MenuKeyGuard;
import dev.concord.ui.common.PlacedWindow;
import dev.concord.ui.common.Theme;
import dev.concord.ui.common.WindowBounds;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.util.Duration;
import javafx.stage.Stage;

/**
 * Puts a console into a stage: the scene at 1280x800 (unless the stage was {@link #place}d), the console's style
 * sheet, the title.
 */
public final class ConsoleWindow {
    public static final double WIDTH = 1280;
    public static final double HEIGHT = 800;
    public static final double MIN_WIDTH = 640;
    public static final double MIN_HEIGHT = 480;
    private static final String CSS = Objects.requireNonNull(
            ConsoleWindow.class.getResource("/dev/concord/ui/console.css"), "console.css").toExternalForm();

    private static final Duration HEALTH_CHECK_EVERY = Duration.seconds(20);

    private static final String SHELL_ID = "console-shell";

    private ConsoleWindow() {
    }

    /**
     * Puts the console's {@code stage}, not yet shown, where the agent left it ({@code saved}; null the first
     * time: a large share of the screen, centred) and follows it so that its place can be remembered.
     */
    public static PlacedWindow place(Stage stage, WindowBounds saved) {
        stage.setMinWidth(MIN_WIDTH);
        stage.setMinHeight(MIN_HEIGHT);
        return PlacedWindow.placeRemembered(stage, saved, WIDTH, HEIGHT);
    }

    /**
     * Shows the console's window before the console exists: its size, title and look, "Connecting..." in
     * the middle. A window of one label maps about as fast as the toolkit allows; {@link #show} then builds
     * the console into this same scene (its root replaced; no second scene or platform window).
     */
    public static void showShell(Stage stage, String title) {
        Label connecting = new Label(lang("status.connection.checking"));
        connecting.getStyleClass().add("muted-hint");
        StackPane shell = new StackPane(connecting);
        shell.setId(SHELL_ID);
        Scene scene = new Scene(shell, WIDTH, HEIGHT);
        scene.getStylesheets().add(CSS);
        ShellKeys.keep(scene);
        stage.setScene(scene);
        stage.setTitle(title);
        stage.setMinWidth(MIN_WIDTH);
        stage.setMinHeight(MIN_HEIGHT);
        stage.show();
    }

    /**
     * Shows {@code preview} (the first rows, {@link dev.concord.ui.records.RowsPreview}) in the window while it
     * still holds the shell, in place of "Connecting..."; false (nothing shown) once the console is in it.
     */
    public static boolean showPreview(Stage stage, Node preview) {
        Scene scene = stage.getScene();
        if (scene == null || !SHELL_ID.equals(scene.getRoot().getId())) {
            return false;
        }
        ((StackPane) scene.getRoot()).getChildren().setAll(preview);
        Platform.requestNextPulse();
        return true;
    }

    /**
     * Runs {@code then} in a task of its own after the next pulse of {@code scene} has been laid out, so
     * that what it does (building the console) comes after the window's first frame, not before it.
     */
    public static void afterFirstPulse(Scene scene, Runnable then) {
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            Platform.runLater(then);
        };
        scene.addPostLayoutPulseListener(once[0]);
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
        Scene scene = stage.getScene();
        if (scene != null && SHELL_ID.equals(scene.getRoot().getId())) {
            // The window is already on screen (showShell): the console takes the shell's place in it, and gets the
            // keys pressed before it was there once it is laid out (its menus' shortcuts exist from then on).
            scene.setRoot(view);
            Scene shell = scene;
            afterFirstPulse(shell, () -> ShellKeys.release(shell));
        } else {
            scene = new Scene(view, WIDTH, HEIGHT);
            scene.getStylesheets().add(CSS);
        }
        // The other lists and the event stream wait for the frame that shows the first rows (issue 16).
        Scene shown = scene;
        vm.setAfterFirstRows(work -> {
            afterFirstPulse(shown, work);
            Platform.requestNextPulse();
        });
        appearance.installShortcuts(scene);
        MenuKeyGuard.install(scene);
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
