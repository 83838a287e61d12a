package dev.concord.ui.testing;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Cell;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;

/**
 * Finds the controls whose words do not fit: a Labeled whose skin drew its text cut short with the
 * ellipsis. Cells are left out (a long customer name in a narrow column is data, not the console's words).
 */
public final class Truncation {
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
}
