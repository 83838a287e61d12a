package dev.concord.ui.testing;

import javafx.scene.input.KeyCode;
import javafx.scene.Node;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Keyboard gestures the console tests repeat. */
public final class UiKeys {
    private UiKeys() {
    }

    /** Clicks into a text control, selects everything and types {@code text} over it. */
    public static void replaceText(FxRobot robot, String query, String text) {
        robot.clickOn(query);
        ctrl(robot, KeyCode.A);
        robot.write(text);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Same, inside one window's scene (two windows have the same ids). */
    public static void replaceText(FxRobot robot, Node root, String query, String text) {
        robot.clickOn(robot.from(root).lookup(query).queryAs(Node.class));
        ctrl(robot, KeyCode.A);
        robot.write(text);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * Clicks the {@code index}-th row of a table once it is drawn: items can be in the table a pulse
     * before its row cells exist.
     */
    public static void clickRow(FxRobot robot, Node root, String tableQuery, int index) {
        String rows = tableQuery + " .table-row-cell";
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15)).until(() -> {
            WaitForAsyncUtils.waitForFxEvents();
            return robot.from(root).lookup(rows).queryAll().size() > index
                    && robot.from(root).lookup(rows).nth(index).queryAs(javafx.scene.control.TableRow.class)
                    .getItem() != null;
        });
        robot.clickOn(robot.from(root).lookup(rows).nth(index).queryAs(Node.class));
        WaitForAsyncUtils.waitForFxEvents();
    }

    public static void ctrl(FxRobot robot, KeyCode key) {
        robot.press(KeyCode.CONTROL).press(key).release(key).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
