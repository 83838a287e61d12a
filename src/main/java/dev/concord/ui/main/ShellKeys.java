package dev.concord.ui.main;

import java.util.ArrayList;
import java.util.List;
import javafx.event.Event;
import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.KeyEvent;

/**
 * Keys pressed while the window shows no console yet ("Connecting..." or the first rows' preview) are kept and
 * given to the console once it is laid out, in order: a search typed or a Ctrl+Q pressed as soon as the rows show
 * is not lost (issue 16: the rows can show ~0.4 s before the console's controls exist).
 */
final class ShellKeys {
    private static final String KEY = "concord.shellKeys";
    private final List<KeyEvent> kept = new ArrayList<>();
    private final EventHandler<KeyEvent> keep = e -> {
        kept.add(e.copyFor(null, null));
        e.consume();
    };

    private ShellKeys() {
    }

    /** Starts keeping the keys pressed in {@code scene} (the shell's). FX thread. */
    static void keep(Scene scene) {
        ShellKeys keys = new ShellKeys();
        scene.getProperties().put(KEY, keys);
        scene.addEventFilter(KeyEvent.ANY, keys.keep);
    }

    /**
     * Stops keeping keys in {@code scene} and gives those kept to its focus owner (else its root), as if pressed
     * now; nothing if {@link #keep} was not called on it. FX thread, once the console is laid out.
     */
    static void release(Scene scene) {
        if (!(scene.getProperties().remove(KEY) instanceof ShellKeys keys)) {
            return;
        }
        scene.removeEventFilter(KeyEvent.ANY, keys.keep);
        for (KeyEvent e : keys.kept) {
            Node target = scene.getFocusOwner() != null ? scene.getFocusOwner() : scene.getRoot();
            Event.fireEvent(target, e.copyFor(target, target));
        }
    }
}
