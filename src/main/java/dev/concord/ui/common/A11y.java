package dev.concord.ui.common;

import javafx.scene.Node;
import javafx.scene.control.Label;

/**
 * Names for controls a screen reader would otherwise read without one. A text field, text area or choice
 * box is read as its value and named by its label (JavaFX takes the name from {@code Label.labelFor}, not
 * from the accessible text, which would replace the value); where the window shows no label beside it
 * (a search field, a tag entry, a result cell of the conflict table), {@link #name} gives it one that is
 * not drawn.
 */
public final class A11y {
    private A11y() {
    }

    /** Names an input control by a label that is not shown; returns the control. */
    public static <T extends Node> T name(T input, String name) {
        Label label = new Label(name);
        // A label never shown gets no skin, and a Label reads its text from its skin: say it outright.
        label.setAccessibleText(name);
        label.setLabelFor(input);
        // The control keeps its label (labeledBy) reachable; nothing else needs to hold it.
        input.getProperties().put(A11y.class, label);
        return input;
    }

    /** Text and help for a control that shows no words (an icon, a chip, a list of lines). */
    public static <T extends Node> T describe(T node, String text, String help) {
        node.setAccessibleText(text);
        if (help != null) {
            node.setAccessibleHelp(help);
        }
        return node;
    }
}
