package dev.concord.ui.conflict;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The warm-up builds a dialog without showing any window. */
@ExtendWith(ApplicationExtension.class)
class DialogWarmUpTest {
    @Start
    void start(Stage stage) {
    }

    @Test
    void warmingUpOpensNoWindow(FxRobot robot) throws Exception {
        List<Window> before = WaitForAsyncUtils.asyncFx(() -> List.copyOf(Window.getWindows())).get();
        List<Window> after = WaitForAsyncUtils.asyncFx(() -> {
            DialogWarmUp.warmUp();
            return List.copyOf(Window.getWindows());
        }).get();
        assertThat(after).containsExactlyElementsOf(before);
    }
}
