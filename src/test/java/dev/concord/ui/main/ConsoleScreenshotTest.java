package dev.concord.ui.main;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.concord.testing.ConsoleFixture;
import dev.concord.ui.testing.AgentWindow;
import dev.concord.ui.testing.Screenshots;
import dev.concord.ui.testing.UiKeys;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Renders the main window and the editor headless at 1280x800, on the demo data (see Screenshots for where). */
class ConsoleScreenshotTest {
    @RegisterExtension
    static final ConsoleFixture console = ConsoleFixture.onDemoServer();

    @Test
    void rendersTheMainWindowAndTheEditor(FxRobot robot) throws Exception {
        AgentWindow alice = console.open("demo-alice");
        TableView<?> table = robot.lookup("#table-subscriptions").queryAs(TableView.class);
        Label agent = robot.lookup("#status-agent").queryAs(Label.class);
        await().atMost(Duration.ofSeconds(15)).until(() -> !table.getItems().isEmpty() && !agent.getText().isEmpty());
        UiKeys.clickRow(robot, alice.root(), "#table-subscriptions", 1);
        Path main = WaitForAsyncUtils.asyncFx(() -> Screenshots.write(alice.stage.getScene(), "main-window")).get();

        UiKeys.replaceText(robot, "#field-amount", "-5");
        UiKeys.replaceText(robot, "#field-customerName", "Grace B. Hopper");
        Path editor = WaitForAsyncUtils.asyncFx(() -> Screenshots.write(alice.stage.getScene(), "editor")).get();

        for (Path file : List.of(main, editor)) {
            BufferedImage image = ImageIO.read(file.toFile());
            assertThat(image.getWidth()).isEqualTo(1280);
            assertThat(image.getHeight()).isEqualTo(800);
        }
    }
}
