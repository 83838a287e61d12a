package dev.concord.ui.live;

import dev.concord.api.Presence;
import dev.concord.domain.Entity;
import dev.concord.sync.PresenceAnnouncer;
import dev.concord.ui.editor.EditorViewModel;
import dev.concord.ui.main.ConsoleViewModel;
import javafx.beans.value.ChangeListener;

/**
 * Tells the other agents which record this console shows, viewed or with unsaved edits, following the shown
 * editor and its edits; nothing once none is shown. FX thread.
 */
final class OwnPresence {
    private final ConsoleViewModel console;
    private final PresenceAnnouncer announcer;
    private final ChangeListener<EditorViewModel> onEditor = (obs, old, now) -> editorShown(old, now);
    private final ChangeListener<Boolean> onDirty = (obs, was, now) -> announceShown();

    OwnPresence(ConsoleViewModel console, PresenceAnnouncer announcer) {
        this.console = console;
        this.announcer = announcer;
    }

    /** Announces the record shown now and follows the console from here on. */
    void follow() {
        console.editorProperty().addListener(onEditor);
        editorShown(null, console.getEditor());
    }

    private void editorShown(EditorViewModel old, EditorViewModel now) {
        if (old != null) {
            old.dirtyProperty().removeListener(onDirty);
        }
        if (now != null) {
            now.dirtyProperty().addListener(onDirty);
        }
        announce(now);
    }

    private void announceShown() {
        announce(console.getEditor());
    }

    private void announce(EditorViewModel editor) {
        if (editor == null) {
            announcer.clear();
            return;
        }
        Entity base = editor.getBase();
        announcer.show(base.kind(), base.id(), editor.isDirty() ? Presence.EDITING : Presence.VIEWING);
    }

    /** Stops following the console. */
    void stopFollowing() {
        console.editorProperty().removeListener(onEditor);
        EditorViewModel current = console.getEditor();
        if (current != null) {
            current.dirtyProperty().removeListener(onDirty);
        }
    }

    /** Leaves the record this console had open. */
    void close() {
        announcer.close();
    }
}
