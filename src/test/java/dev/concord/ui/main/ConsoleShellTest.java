package dev.concord.ui.main;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.concord.testing.FakeConcordApi;
import dev.concord.ui.common.FxTaskExecutor;
import dev.concord.ui.common.Theme;
import dev.concord.ui.testing.NoConflicts;
import dev.concord.ui.testing.Records;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The console's start (issue 16): its window shows first, saying "Connecting...", and the console is then
 * built into that same window and scene, which loads and works as one opened directly.
 */
@ExtendWith(ApplicationExtension.class)
class ConsoleShellTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private final FakeConcordApi api = new FakeConcordApi("alice");
    private final FxTaskExecutor executor = new FxTaskExecutor();
    private Stage stage;

    @Start
    void start(Stage primary) {
        stage = new Stage();
        api.put(Records.subscription("sub_001", 1));
        Theme.LIGHT.apply();
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(stage::close);
        executor.close();
    }

    @Test
    void theShellShowsFirstThenTheConsoleFillsTheSameWindow(FxRobot robot) {
        AtomicBoolean afterFirstFrame = new AtomicBoolean();
        robot.interact(() -> {
            ConsoleWindow.showShell(stage, "Concord — alice @ http://fake");
            ConsoleWindow.afterFirstPulse(stage.getScene(), () -> afterFirstFrame.set(true));
        });
        assertThat(stage.isShowing()).isTrue();
        assertThat(stage.getTitle()).isEqualTo("Concord — alice @ http://fake");
        assertThat(stage.getScene().getWidth()).isEqualTo(ConsoleWindow.WIDTH);
        assertThat(robot.lookup(".label").queryAs(Label.class).getText()).isEqualTo("Connecting...");
        await().atMost(WAIT).untilTrue(afterFirstFrame);
        Scene shellScene = stage.getScene();

        robot.interact(this::showConsole);

        assertThat(stage.getScene()).isSameAs(shellScene);
        assertThat(shellScene.getRoot()).isInstanceOf(ConsoleView.class);
        assertThat(shellScene.getStylesheets()).filteredOn(css -> css.endsWith("console.css")).hasSize(1);
        TableView<?> table = robot.lookup("#table-subscriptions").queryAs(TableView.class);
        await().atMost(WAIT).until(() -> table.getItems().size() == 1);
    }

    @Test
    void keysPressedBeforeTheConsoleExistsReachItOnceItIsThere(FxRobot robot) {
        AtomicBoolean afterFirstFrame = new AtomicBoolean();
        robot.interact(() -> {
            ConsoleWindow.showShell(stage, "Concord");
            ConsoleWindow.afterFirstPulse(stage.getScene(), () -> afterFirstFrame.set(true));
            stage.requestFocus();
        });
        await().atMost(WAIT).untilTrue(afterFirstFrame);
        // An agent who sees the first rows (the preview) presses Ctrl+Q before the console's menus exist.
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.Q)
                .release(javafx.scene.input.KeyCode.Q, javafx.scene.input.KeyCode.CONTROL);
        assertThat(stage.isShowing()).isTrue();

        robot.interact(this::showConsole);

        await().atMost(WAIT).until(() -> !stage.isShowing());
    }

    /** The console over the fake, in the stage the shell opened (as ConsoleApp does once its parts are built). */
    private void showConsole() {
        ConsoleServices services = new ConsoleServices("http://fake", api, (base, mine) -> {
            throw new AssertionError("nothing is saved here");
        }, new NoConflicts(), executor);
        ConsoleWindow.show(stage, new ConsoleViewModel(services), ConflictUi.placeholder(), Theme.LIGHT, t -> { },
                CompletableFuture.completedFuture(null));
    }
}
