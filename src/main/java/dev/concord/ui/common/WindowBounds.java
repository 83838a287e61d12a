package dev.concord.ui.common;

import javafx.geometry.Rectangle2D;

/**
 * Where a window is and how large, in screen coordinates including its frame (as {@code Stage.getX()} and
 * {@code getWidth()} give them), and whether it is maximized; for a maximized window the bounds are those it
 * goes back to when un-maximized. What the console remembers between starts.
 */
public record WindowBounds(double x, double y, double width, double height, boolean maximized) {

    /** The same bounds, maximized or not. */
    public WindowBounds withMaximized(boolean newMaximized) {
        return new WindowBounds(x, y, width, height, newMaximized);
    }

    /** The bounds without the maximized flag, as a rectangle. */
    public Rectangle2D rectangle() {
        return new Rectangle2D(x, y, width, height);
    }

    /** Whether the values can be bounds at all (a hand-edited or damaged file may hold anything). */
    public boolean usable() {
        return Double.isFinite(x) && Double.isFinite(y) && Double.isFinite(width) && Double.isFinite(height)
                && width > 0 && height > 0;
    }
}
