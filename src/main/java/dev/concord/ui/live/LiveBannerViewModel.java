package dev.concord.ui.live;

import dev.concord.ui.common.Problems;

import static dev.concord.i18n.Localization.lang;

import dev.concord.api.ChangeEvent;
import dev.concord.api.Presence;
import dev.concord.client.ConcordApi;
import dev.concord.domain.Entity;
import dev.concord.sync.LiveRebase;
import dev.concord.ui.common.TaskExecutor;
import dev.concord.ui.editor.EditorViewModel;
import dev.concord.ui.editor.FieldModel;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live banner of one open editor: "Bob changed status, notes (v9)" when the record moved under the
 * agent, a warning when the agent's unsaved fields overlap, "Rebase now" and "Show changes", and who else
 * has the record open. Fed by {@link #changed} and {@link #presence} on the UI thread.
 */
public final class LiveBannerViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(LiveBannerViewModel.class);

    /** What the banner shows. */
    public enum State { HIDDEN, MOVED, REBASED }

    private final EditorViewModel editor;
    private final ConcordApi api;
    private final TaskExecutor executor;
    private final Supplier<String> me;
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.HIDDEN);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper overlap = new ReadOnlyStringWrapper(this, "overlap", "");
    private final ReadOnlyStringWrapper presenceText = new ReadOnlyStringWrapper(this, "presence", "");
    private final ReadOnlyBooleanWrapper changesShown = new ReadOnlyBooleanWrapper(this, "changesShown", false);
    private final ReadOnlyBooleanWrapper rebasing = new ReadOnlyBooleanWrapper(this, "rebasing", false);
    private final ObservableList<String> changes = FXCollections.observableArrayList();
    private final ObservableList<String> readOnlyChanges = FXCollections.unmodifiableObservableList(changes);
    /** Field -> who changed it last, in the order the changes arrived. */
    private final Map<String, String> changedBy = new LinkedHashMap<>();
    private final Set<String> actors = new LinkedHashSet<>();
    private final BannerPresence present = new BannerPresence();
    private final Clock clock;
    private final ChangeListener<Entity> onBaseMoved = (obs, old, now) -> baseMoved(now);
    private final ChangeListener<Boolean> onDirty = (obs, was, now) -> editsChanged();
    private final ChangeListener<Entity> onMovedOnServer = (obs, old, now) -> movedOnServer(now);
    private long latestVersion;
    /** The record as the server has it now, once fetched after an event; null until then. */
    private Entity current;
    /** Set when a rebase was refused: the conflicting fields, until the record moves again. */
    private List<String> refused = List.of();
    private final OverlapCheck overlapCheck;

    /**
     * {@code me} gives the signed-in actor (null until known): their own writes and presence are not news
     * to them, and their own save may be announced before its answer arrives.
     */
    public LiveBannerViewModel(EditorViewModel editor, ConcordApi api, TaskExecutor executor, Supplier<String> me) {
        this(editor, api, executor, me, Clock.systemUTC());
    }

    /** As above, with this machine's clock, which times how long someone's presence lasts. */
    public LiveBannerViewModel(EditorViewModel editor, ConcordApi api, TaskExecutor executor, Supplier<String> me,
                               Clock clock) {
        this.clock = clock;
        this.editor = editor;
        this.api = api;
        this.executor = executor;
        this.me = me;
        this.overlapCheck = new OverlapCheck(editor, executor, overlap::set);
        editor.baseProperty().addListener(onBaseMoved);
        editor.movedOnServerProperty().addListener(onMovedOnServer);
        editor.fields().forEach(f -> f.dirtyProperty().addListener(onDirty));
        movedOnServer(editor.movedOnServerProperty().get());
    }

    /** A write committed somewhere; only writes to this editor's record by someone else matter. */
    public void changed(ChangeEvent event) {
        Entity base = editor.getBase();
        if (!isThisRecord(event.entity(), event.id()) || event.version() <= base.version()
                || event.actor().equals(me.get())) {
            return;
        }
        if (!editor.isDirty()) {
            // Nothing of the agent's to protect: the editor just moves to the new record, no banner needed.
            fetchCurrent();
            return;
        }
        latestVersion = Math.max(latestVersion, event.version());
        actors.add(event.actor());
        for (String field : event.fields()) {
            changedBy.remove(field);
            changedBy.put(field, event.actor());
        }
        refused = List.of();
        state.set(State.MOVED);
        updateMessage();
        fetchCurrent();
    }

    /** Someone's presence changed; the agent's own is ignored. */
    public void presence(Presence p) {
        if (!isThisRecord(p.entity(), p.id()) || p.actor().equals(me.get())) {
            return;
        }
        present.update(p, clock.instant());
        presenceText.set(present.sentence());
    }

    /**
     * Forgets presences whose announcement lapsed without a renewal or a "left" (the other console
     * crashed or lost its network); the console calls this now and then. Lapse times are counted on this
     * machine's clock from the server's {@code expiresIn}, never by comparing two machines' clocks.
     */
    public void expirePresence() {
        if (present.expire(clock.instant())) {
            presenceText.set(present.sentence());
        }
    }

    /**
     * Fetches the record, merges the agent's unsaved edits onto it and makes it the editor's base; a true
     * conflict keeps the edits and the old base, so Save opens the conflict dialog.
     */
    public void rebaseNow() {
        if (state.get() != State.MOVED || rebasing.get()) {
            return;
        }
        if (!editor.validProperty().get()) {
            overlap.set(lang("live.fixMarked"));
            return;
        }
        Entity base = editor.getBase();
        var mine = editor.editedValues();
        rebasing.set(true);
        executor.run(() -> LiveRebase.rebase(base, mine, api.get(base.kind(), base.id())), result -> {
            rebasing.set(false);
            applyRebase(base, result);
        }, failure -> {
            rebasing.set(false);
            LOG.warn("rebase of {} failed", base.id(), failure);
            overlap.set(lang("live.couldNotFetch", Problems.describe(failure)));
        });
    }

    /** Shows or hides the list of what changed, with old and new values and who changed them. */
    public void toggleChanges() {
        changesShown.set(!changesShown.get());
        updateChanges();
    }

    /** Stops following the editor (the window closes). */
    public void dispose() {
        editor.baseProperty().removeListener(onBaseMoved);
        editor.movedOnServerProperty().removeListener(onMovedOnServer);
        editor.fields().forEach(f -> f.dirtyProperty().removeListener(onDirty));
    }

    private void applyRebase(Entity from, LiveRebase.Result result) {
        if (editor.getBase() != from) {
            return; // the editor moved meanwhile (a save); this rebase is stale
        }
        if (!result.clean()) {
            refused = result.conflicts();
            current = null;
            updateOverlap();
            return;
        }
        Set<String> theirs = new LinkedHashSet<>(changedBy.keySet());
        String who = LiveWording.people(actors);
        editor.rebaseOnto(result.newBase(), result.edits());
        state.set(State.REBASED);
        String version = String.valueOf(result.newBase().version());
        message.set(result.edits().isEmpty()
                ? lang("live.rebased", version, who, LiveWording.fields(editor.kind(), theirs))
                : lang("live.rebasedKept", version, who, LiveWording.fields(editor.kind(), theirs),
                        LiveWording.fields(editor.kind(), result.edits().keySet())));
    }

    /**
     * Fetches the moved record and hands it to the editor, which moves at once when it has no edits and
     * otherwise remembers it (its Revert then goes to it); {@link #movedOnServer} takes it from there.
     */
    private void fetchCurrent() {
        Entity base = editor.getBase();
        executor.run(() -> api.get(base.kind(), base.id()), editor::recordMoved,
                failure -> LOG.warn("could not fetch {} after a live change", base.id(), failure));
    }

    /**
     * The editor learned of a newer record: from a live event's fetch, or from a refresh or a reopened row
     * without any event (then who and what are read off the record itself).
     */
    private void movedOnServer(Entity newer) {
        if (newer == null || newer.version() <= editor.getBase().version()
                || (current != null && newer.version() <= current.version())) {
            return;
        }
        current = newer;
        if (newer.version() > latestVersion) {
            latestVersion = newer.version();
            actors.add(newer.updatedBy());
            for (String field : newer.values().changedFrom(editor.getBase().values())) {
                changedBy.putIfAbsent(field, newer.updatedBy());
            }
        }
        refused = List.of();
        state.set(State.MOVED);
        updateMessage();
    }

    private void baseMoved(Entity now) {
        if (now.version() >= latestVersion) {
            overlapCheck.cancel();
            changedBy.clear();
            actors.clear();
            refused = List.of();
            current = null;
            latestVersion = 0;
            state.set(State.HIDDEN);
            message.set("");
            overlap.set("");
            changesShown.set(false);
            changes.clear();
        }
    }

    private void updateMessage() {
        message.set(lang("live.changed", LiveWording.people(actors), LiveWording.fields(editor.kind(), changedBy.keySet()),
                String.valueOf(latestVersion)));
        updateOverlap();
        updateChanges();
    }

    /** A refused rebase stays refused only for the fields the agent still has edited. */
    private void editsChanged() {
        refused = refused.stream().filter(f -> editor.field(f).map(FieldModel::isDirty).orElse(false)).toList();
        updateOverlap();
    }

    private void updateOverlap() {
        if (state.get() != State.MOVED) {
            overlapCheck.cancel();
            return;
        }
        overlapCheck.update(actors, changedBy.keySet(), refused, current, () -> state.get() == State.MOVED);
    }

    private void updateChanges() {
        changes.setAll(changesShown.get() ? LiveWording.changes(editor.kind(), editor.getBase(), current, changedBy)
                : List.of());
    }

    private boolean isThisRecord(String entity, String id) {
        Entity base = editor.getBase();
        return base.kind().path().equals(entity) && base.id().equals(id);
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public State getState() {
        return state.get();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public String getMessage() {
        return message.get();
    }

    /** Non-empty when the agent's unsaved fields overlap the changed ones, or a rebase was refused. */
    public ReadOnlyStringProperty overlapProperty() {
        return overlap.getReadOnlyProperty();
    }

    public String getOverlap() {
        return overlap.get();
    }

    public ReadOnlyStringProperty presenceProperty() {
        return presenceText.getReadOnlyProperty();
    }

    public String getPresence() {
        return presenceText.get();
    }

    public ReadOnlyBooleanProperty changesShownProperty() {
        return changesShown.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty rebasingProperty() {
        return rebasing.getReadOnlyProperty();
    }

    /** "Status: active → paused (Bob)", one per changed field, while the changes are shown. */
    public ObservableList<String> changes() {
        return readOnlyChanges;
    }

    public EditorViewModel editor() {
        return editor;
    }
}
