package dev.concord.ui.main;

import dev.concord.ui.common.Theme;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** Puts a console into a stage: the scene at 1280x800, the console's style sheet, the title. */
public final class ConsoleWindow {
    public static final double WIDTH = 1280;
    public static final double HEIGHT = 800;
    private static final String CSS = Objects.requireNonNull(
            ConsoleWindow.class.getResource("/dev/concord/ui/console.css"), "console.css").toExternalForm();

    private ConsoleWindow() {
    }

    /** Builds the window's content in {@code stage}, starts loading, and returns the view. */
    public static ConsoleView show(Stage stage, ConsoleViewModel vm, ConflictUi conflictUi, Theme theme,
                                   Consumer<Theme> themeChosen) {
        ConsoleView view = new ConsoleView(vm, conflictUi, theme, themeChosen);
        Scene scene = new Scene(view, WIDTH, HEIGHT);
        scene.getStylesheets().add(CSS);
        stage.setScene(scene);
        stage.setTitle("Concord \u2014 " + vm.services().serverUrl());
        stage.setMinWidth(960);
        stage.setMinHeight(600);
        stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_HIDDEN, e -> {
            vm.close();
            conflictUi.close();
        });
        vm.start();
        stage.show();
        return view;
    }
}
