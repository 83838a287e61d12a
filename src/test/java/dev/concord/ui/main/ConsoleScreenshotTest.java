package dev.concord.ui.main;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.concord.sync.SaveOutcome;
import dev.concord.ui.common.FxTaskExecutor;
import dev.concord.ui.common.Theme;
import dev.concord.ui.testing.DemoRecords;
import dev.concord.ui.testing.FakeConcordApi;
import dev.concord.ui.testing.NoConflicts;
import dev.concord.ui.testing.Screenshots;
import dev.concord.ui.testing.UiKeys;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Renders the main window and the editor headless at 1280x800 into assets/screenshots. */
@ExtendWith(ApplicationExtension.class)
class ConsoleScreenshotTest {
    private final FakeConcordApi api = new FakeConcordApi("alice");
    private final FxTaskExecutor executor = new FxTaskExecutor();
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        DemoRecords.seed(api);
        ConsoleServices services = new ConsoleServices("http://127.0.0.1:8787", api,
                (base, mine) -> new SaveOutcome.Failed("not in this test", List.of()), new NoConflicts(), executor);
        Theme.LIGHT.apply();
        ConsoleWindow.show(stage, new ConsoleViewModel(services), ConflictUi.placeholder(), Theme.LIGHT, t -> { });
    }

    @AfterEach
    void stop() {
        executor.close();
    }

    @Test
    void rendersTheMainWindowAndTheEditor(FxRobot robot) throws Exception {
        TableView<?> table = robot.lookup("#table-subscriptions").queryAs(TableView.class);
        Label agent = robot.lookup("#status-agent").queryAs(Label.class);
        await().atMost(Duration.ofSeconds(10)).until(() -> table.getItems().size() == 12
                && !agent.getText().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        Path main = WaitForAsyncUtils.asyncFx(() -> Screenshots.write(stage.getScene(), "main-window")).get();

        robot.clickOn(robot.lookup("#table-subscriptions .table-row-cell").nth(2).queryAs(Node.class));
        UiKeys.replaceText(robot, "#field-amount", "-5");
        UiKeys.replaceText(robot, "#field-customerName", "Alan M. Turing");
        WaitForAsyncUtils.waitForFxEvents();
        Path editor = WaitForAsyncUtils.asyncFx(() -> Screenshots.write(stage.getScene(), "editor")).get();

        for (Path file : List.of(main, editor)) {
            BufferedImage image = ImageIO.read(file.toFile());
            assertThat(image.getWidth()).isEqualTo(1280);
            assertThat(image.getHeight()).isEqualTo(800);
        }
    }
}
