package dev.concord.ui.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.AccessibleAttribute;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Walks a window by Tab only, as a keyboard user does: from the focused control, Tab until the focus is back
 * where it started. The walk fails when the focus stops moving or circles without coming back (a trap).
 */
public final class FocusWalk {
    /** More stops than any of the console's windows has; a walk that long is going round in a trap. */
    private static final int MAX_STOPS = 150;

    private FocusWalk() {
    }

    /** One stop of the walk: the focused node and what a screen reader would call it. */
    public record Stop(Node node, String name) {
        @Override
        public String toString() {
            String id = node.getId() == null ? "" : "#" + node.getId();
            return node.getClass().getSimpleName() + id + " \"" + name + "\"";
        }
    }

    /**
     * Presses Tab (with Shift when {@code backwards}) from the current focus owner of {@code scene} until the
     * focus is on it again; returns every stop, the start included once.
     *
     * @throws AssertionError naming the stops so far when the focus does not come back
     */
    public static List<Stop> around(FxRobot robot, Scene scene, boolean backwards) {
        Node start = focusOwner(robot, scene);
        if (start == null) {
            throw new AssertionError("nothing has the focus in " + scene.getRoot().getId());
        }
        List<Stop> stops = new ArrayList<>();
        stops.add(stop(robot, start));
        for (int i = 0; i < MAX_STOPS; i++) {
            if (backwards) {
                robot.press(KeyCode.SHIFT).type(KeyCode.TAB).release(KeyCode.SHIFT);
            } else {
                robot.type(KeyCode.TAB);
            }
            WaitForAsyncUtils.waitForFxEvents();
            Node now = focusOwner(robot, scene);
            if (now == start) {
                return stops;
            }
            Node previous = stops.get(stops.size() - 1).node();
            if (now == null || now == previous) {
                throw new AssertionError("the focus stopped at " + stops.get(stops.size() - 1) + " after " + stops);
            }
            if (stops.stream().anyMatch(s -> s.node() == now)) {
                throw new AssertionError("the focus circles without coming back to the start: " + stops + " then "
                        + stop(robot, now));
            }
            stops.add(stop(robot, now));
        }
        throw new AssertionError("no way back to the start after " + MAX_STOPS + " stops: " + stops);
    }

    private static Node focusOwner(FxRobot robot, Scene scene) {
        AtomicReference<Node> owner = new AtomicReference<>();
        robot.interact(() -> owner.set(scene.getFocusOwner()));
        return owner.get();
    }

    private static Stop stop(FxRobot robot, Node node) {
        AtomicReference<String> name = new AtomicReference<>();
        robot.interact(() -> name.set(accessibleName(node)));
        return new Stop(node, name.get());
    }

    /**
     * The name a screen reader announces, by JavaFX's own rule (glass' WinAccessible and MacAccessible): a
     * text field's, text area's or combo box's {@link AccessibleAttribute#TEXT} is its value, so its name is
     * its label's ({@link AccessibleAttribute#LABELED_BY}); any other control is named by its
     * {@link AccessibleAttribute#TEXT}, falling back to its label; a container with a focused item (tab pane,
     * list, table) without a name of its own is read as that item. Blank when it would be read without a name.
     */
    public static String accessibleName(Node node) {
        String own = ownName(node);
        if (!own.isEmpty()) {
            return own;
        }
        // Tab panes, lists and tables pass the reader on to their focused item (the tab, the row).
        Node item = (Node) node.queryAccessibleAttribute(AccessibleAttribute.FOCUS_ITEM);
        return item == null || item == node ? "" : ownName(item);
    }

    private static String ownName(Node node) {
        AccessibleRole role = (AccessibleRole) node.queryAccessibleAttribute(AccessibleAttribute.ROLE);
        String name = null;
        if (role != AccessibleRole.TEXT_FIELD && role != AccessibleRole.TEXT_AREA && role != AccessibleRole.COMBO_BOX) {
            name = (String) node.queryAccessibleAttribute(AccessibleAttribute.TEXT);
        }
        if (name == null || name.isBlank()) {
            Node label = (Node) node.queryAccessibleAttribute(AccessibleAttribute.LABELED_BY);
            name = label == null ? null : (String) label.queryAccessibleAttribute(AccessibleAttribute.TEXT);
        }
        return name == null ? "" : name.strip();
    }
}
