package dev.concord.ui.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** The check itself: it finds a label cut with an ellipsis and a prompt clipped without one, and nothing that fits. */
@ExtendWith(ApplicationExtension.class)
class TruncationTest {
    @Test
    void findsCutLabelsAndClippedPromptsOnly(FxRobot robot) throws Exception {
        List<String> found = WaitForAsyncUtils.asyncFx(() -> {
            TextField narrow = new TextField();
            narrow.setId("narrow");
            narrow.setPromptText("Eingeben, dann Enter drücken");
            narrow.setMaxWidth(90);
            TextField wide = new TextField("a value");
            wide.setId("wide");
            wide.setPromptText("Fits");
            Label cut = new Label("A label far too long for its eighty pixels");
            cut.setId("cut");
            cut.setMaxWidth(80);
            Label whole = new Label("Whole");
            VBox root = new VBox(narrow, wide, cut, whole);
            Stage stage = new Stage();
            stage.setScene(new Scene(root, 400, 200));
            stage.show();
            root.applyCss();
            root.layout();
            List<String> cutShort = Truncation.truncatedLabels(root);
            stage.close();
            return cutShort;
        }).get();

        assertThat(found).hasSize(2);
        assertThat(found).anyMatch(f -> f.startsWith("TextField#narrow prompt: 'Eingeben, dann Enter drücken'"));
        assertThat(found).anyMatch(f -> f.startsWith("Label#cut:"));
    }
}
