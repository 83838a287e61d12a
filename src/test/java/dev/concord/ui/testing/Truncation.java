package dev.concord.ui.testing;

import dev.concord.ui.common.LazyTooltip;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Cell;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Text;
import javafx.stage.Screen;

/**
 * Finds the console's words that do not fit: a Labeled whose skin drew its text cut short with the
 * ellipsis, a text field whose prompt is wider than the field (a prompt is clipped without any ellipsis, so
 * "Eingeben, dann Ent" shows no sign of it), and a tooltip wider than the screen (tooltips do not wrap).
 * Cells are left out (a long customer name in a narrow column is data, not the console's words).
 */
public final class Truncation {
    /** Sub-pixel rounding of the text's measure against the field's snapped insets. */
    private static final double SLACK = 0.5;

    private Truncation() {
    }

    /** Must run on the FX thread, after a layout pass. "Label#id: 'Full text' shown as 'Full te…'" per finding. */
    public static List<String> truncatedLabels(Parent root) {
        List<String> found = new ArrayList<>();
        walk(root, found);
        return found;
    }

    private static void walk(Node node, List<String> found) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Labeled labeled && !(node instanceof Cell<?>)) {
            check(labeled, found);
        }
        if (node instanceof TextField field) {
            checkPrompt(field, found);
        }
        if (node instanceof Control control && LazyTooltip.textOf(control) != null) {
            // A tooltip made on the first mouse-over (LazyTooltip) is checked as the one it will be.
            checkTooltip(control, control.getTooltip() != null ? control.getTooltip()
                    : new Tooltip(LazyTooltip.textOf(control)), found);
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                walk(child, found);
            }
        }
    }

    private static void check(Labeled labeled, List<String> found) {
        String text = labeled.getText();
        if (text == null || text.isBlank()) {
            return;
        }
        String expected = labeled.isMnemonicParsing() ? text.replaceFirst("_(?=.)", "") : text;
        for (Node child : labeled.getChildrenUnmodifiable()) {
            if (child instanceof Text shown && shown.isVisible() && !expected.equals(shown.getText())
                    && shown.getText() != null && shown.getText().contains(labeled.getEllipsisString())) {
                found.add(labeled.getClass().getSimpleName() + "#" + labeled.getId() + ": '" + expected
                        + "' shown as '" + shown.getText() + "'");
            }
        }
    }

    /**
     * The prompt shows while the field is empty, so it is checked whatever the field holds now: an agent who
     * clears the field meets it.
     */
    private static void checkPrompt(TextField field, List<String> found) {
        String prompt = field.getPromptText();
        if (prompt == null || prompt.isBlank() || field.getWidth() <= 0) {
            return;
        }
        double room = field.getWidth() - field.snappedLeftInset() - field.snappedRightInset();
        double needs = widthOf(prompt, field.getFont());
        if (needs > room + SLACK) {
            found.add(field.getClass().getSimpleName() + "#" + idOf(field) + " prompt: '" + prompt + "' needs "
                    + Math.round(needs) + " px, has " + Math.round(room));
        }
    }

    private static void checkTooltip(Control control, Tooltip tip, List<String> found) {
        String text = tip.getText();
        if (text == null || text.isBlank() || tip.isWrapText()) {
            return;
        }
        double screen = Screen.getPrimary().getVisualBounds().getWidth();
        double needs = text.lines().mapToDouble(line -> widthOf(line, tip.getFont())).max().orElse(0);
        if (needs > screen) {
            found.add(control.getClass().getSimpleName() + "#" + control.getId() + " tooltip: '" + text
                    + "' is wider than the screen");
        }
    }

    /** A date picker's editor has no id of its own: it is named after its picker. */
    private static String idOf(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n.getId() != null) {
                return n.getId();
            }
        }
        return null;
    }

    private static double widthOf(String text, javafx.scene.text.Font font) {
        Text measure = new Text(text);
        measure.setFont(font);
        return measure.getLayoutBounds().getWidth();
    }
}
