package dev.concord.ui.common;

import java.util.Set;
import javafx.event.Event;
import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ContextMenu;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.PopupWindow;
import javafx.stage.Window;

/**
 * While a menu of a window is open, its navigation keys are the menu's alone. A JavaFX menu is a popup
 * without keyboard focus of its own: the window hands each key to the menu first and, when the menu does not
 * consume it, on to the window's focused control. On GTK a menu opened with Alt+letter can be shown before
 * its items can take the focus, so the menu leaves Down unused and the list behind it moved instead. This
 * filter, on the window's scene (after the menu had its turn), stops those keys there and gives them to the
 * menu's items, so Down moves in the menu as the agent expects.
 */
public final class MenuKeyGuard {
    /** The keys a menu navigates with; letters (mnemonics) and shortcuts are left alone. */
    static final Set<KeyCode> MENU_KEYS = Set.of(KeyCode.UP, KeyCode.DOWN, KeyCode.LEFT, KeyCode.RIGHT,
            KeyCode.KP_UP, KeyCode.KP_DOWN, KeyCode.KP_LEFT, KeyCode.KP_RIGHT, KeyCode.PAGE_UP, KeyCode.PAGE_DOWN,
            KeyCode.HOME, KeyCode.END, KeyCode.ENTER, KeyCode.SPACE, KeyCode.TAB);

    private MenuKeyGuard() {
    }

    /** Installs the guard on {@code scene}. */
    public static void install(Scene scene) {
        EventHandler<KeyEvent> guard = e -> {
            if (!MENU_KEYS.contains(e.getCode())) {
                return;
            }
            ContextMenu menu = openMenuOver(scene.getWindow());
            if (menu != null) {
                e.consume();
                // The menu did not take the key (it reached us); hand it to the menu's items, which move on it.
                Node items = menu.getSkin() == null ? null : menu.getSkin().getNode();
                if (items != null && e.getEventType() == KeyEvent.KEY_PRESSED) {
                    Event.fireEvent(items, e.copyFor(items, items));
                }
            }
        };
        scene.addEventFilter(KeyEvent.KEY_PRESSED, guard);
        scene.addEventFilter(KeyEvent.KEY_RELEASED, guard);
    }

    /**
     * The innermost menu (a context menu, a menu of the menu bar, the submenu open in it) showing over
     * {@code window}; null when none is.
     */
    static ContextMenu openMenuOver(Window window) {
        if (window == null) {
            return null;
        }
        ContextMenu innermost = null;
        for (Window w : Window.getWindows()) {
            if (w instanceof ContextMenu menu && menu.isShowing() && rootOwner(menu) == window
                    && (innermost == null || isOwnedBy(menu, innermost))) {
                innermost = menu;
            }
        }
        return innermost;
    }

    private static boolean isOwnedBy(PopupWindow popup, Window owner) {
        for (Window w = popup.getOwnerWindow(); w != null; w = w instanceof PopupWindow p ? p.getOwnerWindow() : null) {
            if (w == owner) {
                return true;
            }
        }
        return false;
    }

    private static Window rootOwner(PopupWindow popup) {
        Window owner = popup.getOwnerWindow();
        while (owner instanceof PopupWindow p) {
            owner = p.getOwnerWindow();
        }
        return owner;
    }
}
