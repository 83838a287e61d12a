package dev.concord.ui.common;

import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * A TextArea types a tab character on Tab, so a keyboard user who tabs into the notes cannot tab out: a trap.
 * Here Tab and Shift+Tab move the focus on, as everywhere else (the notes never need a tab character).
 */
public final class TabLeaves {
    private TabLeaves() {
    }

    public static <T extends TextArea> T of(T area) {
        area.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.TAB && !e.isControlDown() && !e.isAltDown() && !e.isMetaDown()) {
                e.consume();
                // TextArea moves the focus on Ctrl+Tab (and back on Ctrl+Shift+Tab): hand it that.
                area.fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, e.getCharacter(), e.getText(), KeyCode.TAB,
                        e.isShiftDown(), true, false, false));
            }
        });
        return area;
    }
}
