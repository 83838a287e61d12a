package dev.concord.ui.conflict;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concord.ui.common.CurrentThreadTaskExecutor;
import java.util.List;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The warm-up builds a dialog without showing any window, and merges nothing on the FX thread. */
@ExtendWith(ApplicationExtension.class)
class DialogWarmUpTest {
    private Stage stage;
    private javafx.scene.control.TextField field;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        field = new javafx.scene.control.TextField();
        stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.StackPane(field), 800, 600));
        stage.show();
    }

    @Test
    void warmingUpInTheWindowLeavesItAsItWas() throws Exception {
        PreparedNotes sample = DialogWarmUp.prepare();
        WaitForAsyncUtils.asyncFx(field::requestFocus).get();
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.layout.Pane root = (javafx.scene.layout.Pane) stage.getScene().getRoot();
        List<javafx.scene.Node> before = WaitForAsyncUtils.asyncFx(() -> List.copyOf(root.getChildren())).get();

        WaitForAsyncUtils.asyncFx(() -> DialogWarmUp.inWindow(sample, stage.getScene())).get();
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(WaitForAsyncUtils.asyncFx(() -> List.copyOf(root.getChildren())).get()).containsExactlyElementsOf(before);
        assertThat(stage.getScene().getFocusOwner()).isSameAs(field);
        assertThat(field.isDisabled()).isFalse();
    }

    @Test
    void warmingUpOpensNoWindow(FxRobot robot) throws Exception {
        PreparedNotes sample = DialogWarmUp.prepare();
        List<Window> before = WaitForAsyncUtils.asyncFx(() -> List.copyOf(Window.getWindows())).get();
        List<Window> after = WaitForAsyncUtils.asyncFx(() -> {
            DialogWarmUp.warmUp(sample);
            return List.copyOf(Window.getWindows());
        }).get();
        assertThat(after).containsExactlyElementsOf(before);
    }

    @Test
    void theSampleIsMergedOffTheFxThreadAndTheDialogUsesThatMerge() throws Exception {
        assertThat(Platform.isFxApplicationThread()).isFalse();
        PreparedNotes sample = DialogWarmUp.prepare();
        assertThat(sample.models()).containsKey("notes");

        ConflictDialogViewModel vm = WaitForAsyncUtils.asyncFx(() -> new ConflictDialogViewModel(sample.conflict(),
                (id, values) -> null, new CurrentThreadTaskExecutor(), sample)).get();

        // The very model built above: the view model (and so the dialog built on it) merged nothing itself.
        assertThat(vm.rowFor("notes").getTextMerge()).isSameAs(sample.models().get("notes"));
        assertThat(vm.loadingProperty().get()).isFalse();
    }
}
