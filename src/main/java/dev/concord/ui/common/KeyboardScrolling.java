package dev.concord.ui.common;

import javafx.beans.value.ChangeListener;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;

/**
 * A ScrollPane does not scroll to the control that gets the keyboard focus: Tab would move the focus to a
 * control out of sight. {@link #followFocus} makes it scroll just far enough to show the focused control.
 */
public final class KeyboardScrolling {
    private KeyboardScrolling() {
    }

    public static void followFocus(ScrollPane pane) {
        ChangeListener<Node> onFocus = (obs, old, focused) -> {
            if (focused != null && pane.getContent() != null && isInside(focused, pane.getContent())) {
                reveal(pane, focused);
            }
        };
        pane.sceneProperty().addListener((obs, old, scene) -> {
            if (old != null) {
                old.focusOwnerProperty().removeListener(onFocus);
            }
            if (scene != null) {
                scene.focusOwnerProperty().addListener(onFocus);
            }
        });
        Scene scene = pane.getScene();
        if (scene != null) {
            scene.focusOwnerProperty().addListener(onFocus);
        }
    }

    private static boolean isInside(Node node, Node ancestor) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == ancestor) {
                return true;
            }
        }
        return false;
    }

    /** Scrolls {@code pane} by the least amount that brings {@code target} fully into the viewport. */
    static void reveal(ScrollPane pane, Node target) {
        Node content = pane.getContent();
        Bounds viewport = pane.getViewportBounds();
        Bounds contentBounds = content.getLayoutBounds();
        Bounds b = content.sceneToLocal(target.localToScene(target.getLayoutBounds()));
        double extraH = contentBounds.getWidth() - viewport.getWidth();
        double extraV = contentBounds.getHeight() - viewport.getHeight();
        if (extraH > 0) {
            double left = pane.getHvalue() * extraH;
            double x = b.getMinX() < left ? b.getMinX()
                    : b.getMaxX() > left + viewport.getWidth() ? b.getMaxX() - viewport.getWidth() : left;
            pane.setHvalue(clamp(x / extraH));
        }
        if (extraV > 0) {
            double top = pane.getVvalue() * extraV;
            double y = b.getMinY() < top ? b.getMinY()
                    : b.getMaxY() > top + viewport.getHeight() ? b.getMaxY() - viewport.getHeight() : top;
            pane.setVvalue(clamp(y / extraV));
        }
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }
}
