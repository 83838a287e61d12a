package dev.concord.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.Styles;
import java.util.HashMap;
import java.util.Map;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * In high contrast, disabled controls stay readable (seen by hand: the disabled Save button was black text on
 * dark olive, 3.2:1 measured this way) and differ from enabled ones by more than colour: measured on the rendered
 * pixels, their text is at least 4.5:1 against their background (WCAG exempts disabled controls; an agent still
 * reads them), and their outline is dashed where an enabled control's is solid.
 */
@ExtendWith(ApplicationExtension.class)
class HighContrastDisabledTest {
    /** WCAG's level for normal text; disabled controls are exempt from it, these meet it anyway. */
    private static final double READABLE = 4.5;
    private Stage stage;
    private Button save;
    private Button revert;
    private Button enabled;
    private TextField field;
    private Label label;
    private ComboBox<String> combo;

    @BeforeEach
    void show(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            Appearance.shared().use(Theme.HIGH_CONTRAST, Appearance.DEFAULT_TEXT_SIZE);
            save = new Button("Save");
            save.getStyleClass().add(Styles.ACCENT);
            revert = new Button("Revert");
            enabled = new Button("Refresh");
            field = new TextField("ken.ritchie5@example.com");
            label = new Label("Cancel at period end");
            combo = new ComboBox<>();
            combo.getItems().add("Quarterly");
            combo.getSelectionModel().select(0);
            for (Node n : new Node[] {save, revert, field, label, combo}) {
                n.setDisable(true);
            }
            stage = new Stage();
            stage.setScene(new Scene(new VBox(12, save, revert, enabled, field, label, combo), 400, 300));
            stage.show();
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            stage.close();
            Appearance.shared().use(Theme.LIGHT, Appearance.DEFAULT_TEXT_SIZE);
        }).get();
    }

    @Test
    void disabledControlsAreReadableAgainstTheirBackground() throws Exception {
        for (Control c : new Control[] {save, revert, field, label, combo}) {
            double ratio = WaitForAsyncUtils.asyncFx(() -> textContrast(c)).get();
            assertThat(ratio).as("contrast of disabled %s", c).isGreaterThanOrEqualTo(READABLE);
        }
    }

    @Test
    void disabledButtonsAndFieldsHaveADashedOutlineEnabledOnesASolidOne() throws Exception {
        for (Control c : new Control[] {save, revert, field, combo}) {
            assertThat(WaitForAsyncUtils.asyncFx(() -> dashed(c)).get()).as("%s has a dashed outline", c).isTrue();
        }
        assertThat(WaitForAsyncUtils.asyncFx(() -> dashed(enabled)).get()).as("an enabled button's is solid").isFalse();
    }

    private static boolean dashed(Control c) {
        return c.getBorder() != null && !c.getBorder().getStrokes().isEmpty()
                && !c.getBorder().getStrokes().get(0).getTopStyle().getDashArray().isEmpty();
    }

    /**
     * The control's text as drawn in its window: the background is the most frequent colour where the text is,
     * the text the colour furthest from that in luminance; the WCAG contrast ratio of the two.
     */
    private static double textContrast(Control c) {
        // The whole window, so that a control without a background of its own (a label) is seen on the window's.
        WritableImage image = c.getScene().snapshot(null);
        PixelReader pixels = image.getPixelReader();
        // Only where the text is: the glyphs and what is right behind them, not the outline or the corners.
        Node text = c.lookupAll(".text").stream().filter(n -> n.getBoundsInLocal().getWidth() > 2)
                .findFirst().orElseThrow(() -> new AssertionError("no text in " + c));
        Bounds b = text.localToScene(text.getBoundsInLocal());
        Map<Integer, Integer> counts = new HashMap<>();
        for (int y = (int) b.getMinY(); y < (int) b.getMaxY(); y++) {
            for (int x = (int) b.getMinX(); x < (int) b.getMaxX(); x++) {
                counts.merge(pixels.getArgb(x, y), 1, Integer::sum);
            }
        }
        int background = counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        double bg = luminance(background);
        double best = 1;
        for (int argb : counts.keySet()) {
            double l = luminance(argb);
            best = Math.max(best, (Math.max(l, bg) + 0.05) / (Math.min(l, bg) + 0.05));
        }
        return best;
    }

    private static double luminance(int argb) {
        Color c = Color.rgb((argb >> 16) & 0xff, (argb >> 8) & 0xff, argb & 0xff);
        return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
    }

    private static double linear(double channel) {
        return channel <= 0.03928 ? channel / 12.92 : Math.pow((channel + 0.055) / 1.055, 2.4);
    }
}
