package dev.concord.ui.common;

import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.event.EventHandler;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * A main window put where {@link WindowPlacement} says and followed from then on, so that its last place, size
 * and maximized state can be remembered. FX thread only, except {@link #last()}.
 *
 * <p>Why the bounds are set a second time once the window shows: under a real X11 window manager (openbox
 * here) JavaFX 21's GTK glass maps a process's first window at the size GTK thinks it has, its minimum size
 * (640x480) or, without one, GTK's default 200x200, whatever the stage and scene asked for; later windows
 * are not affected. Setting the bounds again after the window is shown sticks.
 */
public final class PlacedWindow {
    private final Stage stage;
    private WindowBounds normal;
    private WindowBounds beforeNormal;
    private volatile WindowBounds last;
    private boolean restoring;

    private PlacedWindow(Stage stage, WindowBounds bounds) {
        this.stage = stage;
        this.normal = bounds.withMaximized(false);
        this.beforeNormal = normal;
        this.last = bounds;
    }

    /**
     * Puts {@code stage}, not yet shown, at {@code bounds} (maximizing it once it shows if they say so) and
     * starts following it.
     */
    public static PlacedWindow place(Stage stage, WindowBounds bounds) {
        PlacedWindow placed = new PlacedWindow(stage, bounds);
        placed.apply(placed.normal);
        stage.addEventHandler(WindowEvent.WINDOW_SHOWN, new EventHandler<>() {
            @Override
            public void handle(WindowEvent event) {
                stage.removeEventHandler(WindowEvent.WINDOW_SHOWN, this);
                Platform.runLater(() -> {
                    placed.apply(placed.normal);
                    if (bounds.maximized()) {
                        stage.setMaximized(true);
                    }
                    placed.follow();
                });
            }
        });
        return placed;
    }

    /**
     * Puts a main window where it was left ({@code saved}; null for none) or, the first time or when that is
     * off every screen now, as {@link WindowPlacement#first} sizes it on the primary screen.
     */
    public static PlacedWindow placeRemembered(Stage stage, WindowBounds saved, double preferredWidth,
                                               double preferredHeight) {
        return place(stage, WindowPlacement.restore(saved, screens(), preferredWidth, preferredHeight,
                stage.getMinWidth(), stage.getMinHeight()));
    }

    /** A window of {@code width} x {@code height} in the middle of the primary screen (the Connect screen). */
    public static PlacedWindow placeCentred(Stage stage, double width, double height) {
        return place(stage, WindowPlacement.centred(Screen.getPrimary().getVisualBounds(), width, height));
    }

    /** The screens' visual bounds, the primary screen's first. */
    static List<Rectangle2D> screens() {
        List<Rectangle2D> screens = new ArrayList<>();
        screens.add(Screen.getPrimary().getVisualBounds());
        for (Screen screen : Screen.getScreens()) {
            if (!screen.equals(Screen.getPrimary())) {
                screens.add(screen.getVisualBounds());
            }
        }
        return screens;
    }

    /** Where the window is (or was when it closed): its un-maximized bounds and whether it is maximized. */
    public WindowBounds last() {
        return last;
    }

    private void follow() {
        InvalidationListener moved = o -> {
            if (!stage.isShowing() || stage.isIconified()) {
                return;
            }
            if (!stage.isMaximized()) {
                WindowBounds now = currentBounds();
                if (restoring) {
                    restoring = false;
                    if (coversItsScreen(now) && !coversItsScreen(normal)) {
                        // Un-maximized to the whole screen (see below): back to the size it had.
                        apply(normal);
                        return;
                    }
                }
                if (!now.equals(normal)) {
                    beforeNormal = normal;
                    normal = now;
                }
            }
            last = normal.withMaximized(stage.isMaximized());
        };
        stage.xProperty().addListener(moved);
        stage.yProperty().addListener(moved);
        stage.widthProperty().addListener(moved);
        stage.heightProperty().addListener(moved);
        stage.maximizedProperty().addListener((obs, was, maximized) -> {
            if (maximized && coversItsScreen(normal)) {
                // The window manager resized before it said "maximized": that size is not the one to go back to.
                normal = beforeNormal;
            }
            last = normal.withMaximized(maximized);
            // A window maximized at its start has never been shown at its normal size, and openbox un-maximizes
            // it to the whole screen: the next size it reports after this decides (above).
            restoring = !maximized;
            if (!maximized && coversItsScreen(currentBounds()) && !coversItsScreen(normal)) {
                WindowBounds back = normal;
                apply(back);
                // A later report of the whole screen (the window manager's answer) is corrected once more.
                normal = back;
                last = back;
                restoring = true;
            }
        });
    }

    private static boolean coversItsScreen(WindowBounds b) {
        return Screen.getScreensForRectangle(b.rectangle()).stream().map(Screen::getVisualBounds)
                .anyMatch(v -> b.width() >= v.getWidth() - 2 && b.height() >= v.getHeight() - 2);
    }

    private WindowBounds currentBounds() {
        return new WindowBounds(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), false);
    }

    private void apply(WindowBounds b) {
        stage.setX(b.x());
        stage.setY(b.y());
        stage.setWidth(b.width());
        stage.setHeight(b.height());
    }
}
