package dev.concord.ui.common;

import java.util.List;
import javafx.geometry.Rectangle2D;

/**
 * Where a main window opens: where the agent left it last time if that is still on a screen (moved and shrunk
 * onto it if it no longer fits), otherwise a large share of the primary screen, centred. Pure arithmetic on the
 * screens' visual bounds (what is left of a screen after panels and docks), so it is tested without a display.
 */
public final class WindowPlacement {
    /** The share of the screen a first window takes: large enough for the list and the editor side by side. */
    static final double SHARE = 0.8;
    /** How much of a remembered window must still be on a screen for it to open there (its title bar, at least). */
    static final double MIN_VISIBLE = 48;

    private WindowPlacement() {
    }

    /**
     * The first window on {@code screen}: {@value #SHARE} of it but at least {@code preferred} (when the
     * screen has room), never under {@code min}, never larger than the screen, centred on it.
     */
    public static WindowBounds first(Rectangle2D screen, double preferredWidth, double preferredHeight,
                                     double minWidth, double minHeight) {
        double width = clamp(Math.max(screen.getWidth() * SHARE, Math.min(preferredWidth, screen.getWidth())),
                minWidth, screen.getWidth());
        double height = clamp(Math.max(screen.getHeight() * SHARE, Math.min(preferredHeight, screen.getHeight())),
                minHeight, screen.getHeight());
        return centred(screen, width, height);
    }

    /** A window of {@code width} x {@code height} (at most the screen) in the middle of {@code screen}. */
    public static WindowBounds centred(Rectangle2D screen, double width, double height) {
        double w = Math.min(width, screen.getWidth());
        double h = Math.min(height, screen.getHeight());
        return new WindowBounds(Math.round(screen.getMinX() + (screen.getWidth() - w) / 2),
                Math.round(screen.getMinY() + (screen.getHeight() - h) / 2), Math.round(w), Math.round(h), false);
    }

    /**
     * Where a window remembered as {@code saved} (null: none) opens now that the screens are {@code screens}
     * (visual bounds; the first is the primary one): on the screen that shows most of it, moved and shrunk to
     * lie wholly on that screen; a window no screen shows enough of opens as {@link #first} on the primary.
     */
    public static WindowBounds restore(WindowBounds saved, List<Rectangle2D> screens, double preferredWidth,
                                       double preferredHeight, double minWidth, double minHeight) {
        Rectangle2D primary = screens.get(0);
        if (saved == null || !saved.usable()) {
            return first(primary, preferredWidth, preferredHeight, minWidth, minHeight);
        }
        Rectangle2D best = null;
        double bestArea = 0;
        for (Rectangle2D screen : screens) {
            double area = overlapWidth(saved.rectangle(), screen) * overlapHeight(saved.rectangle(), screen);
            if (area > bestArea) {
                best = screen;
                bestArea = area;
            }
        }
        if (best == null || overlapWidth(saved.rectangle(), best) < MIN_VISIBLE
                || overlapHeight(saved.rectangle(), best) < MIN_VISIBLE) {
            return first(primary, preferredWidth, preferredHeight, minWidth, minHeight)
                    .withMaximized(saved.maximized());
        }
        double width = clamp(saved.width(), Math.min(minWidth, best.getWidth()), best.getWidth());
        double height = clamp(saved.height(), Math.min(minHeight, best.getHeight()), best.getHeight());
        double x = clamp(saved.x(), best.getMinX(), best.getMaxX() - width);
        double y = clamp(saved.y(), best.getMinY(), best.getMaxY() - height);
        return new WindowBounds(x, y, width, height, saved.maximized());
    }

    private static double overlapWidth(Rectangle2D a, Rectangle2D b) {
        return Math.max(0, Math.min(a.getMaxX(), b.getMaxX()) - Math.max(a.getMinX(), b.getMinX()));
    }

    private static double overlapHeight(Rectangle2D a, Rectangle2D b) {
        return Math.max(0, Math.min(a.getMaxY(), b.getMaxY()) - Math.max(a.getMinY(), b.getMinY()));
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }
}
