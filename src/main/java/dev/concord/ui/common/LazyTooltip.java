package dev.concord.ui.common;

import javafx.event.EventHandler;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;

/**
 * A control's tooltip made when the pointer first comes over it rather than when the control is built. Every
 * {@link Tooltip} is a popup window with a scene of its own: the conflict dialog made a dozen of them each
 * time it opened (about a tenth of its FX-thread time, issue 16), though few are ever shown. The text is the
 * control's accessible help as the tooltip's was (a control with its own help keeps it), and stays readable
 * through {@link #textOf} for checks that look at tooltips before anyone hovers.
 */
public final class LazyTooltip {
    private static final String KEY = LazyTooltip.class.getName();

    private LazyTooltip() {
    }

    /** Gives {@code control} a tooltip reading {@code text}, made on the first mouse-over. */
    public static void install(Control control, String text) {
        control.getProperties().put(KEY, text);
        if (control.getAccessibleHelp() == null || control.getAccessibleHelp().isEmpty()) {
            control.setAccessibleHelp(text);
        }
        EventHandler<MouseEvent> once = new EventHandler<>() {
            @Override
            public void handle(MouseEvent e) {
                control.removeEventHandler(MouseEvent.MOUSE_ENTERED, this);
                if (control.getTooltip() == null) {
                    control.setTooltip(new Tooltip(text));
                }
            }
        };
        control.addEventHandler(MouseEvent.MOUSE_ENTERED, once);
    }

    /** The tooltip text of {@code control}: its tooltip's, or the one it will get on mouse-over; null if none. */
    public static String textOf(Control control) {
        if (control.getTooltip() != null) {
            return control.getTooltip().getText();
        }
        return (String) control.getProperties().get(KEY);
    }
}
