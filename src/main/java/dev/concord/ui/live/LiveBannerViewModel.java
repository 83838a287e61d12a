package dev.concord.ui.live;

import dev.concord.api.ChangeEvent;
import dev.concord.api.Presence;
import dev.concord.client.ConcordApi;
import dev.concord.domain.Entity;
import dev.concord.sync.LiveRebase;
import dev.concord.ui.common.TaskExecutor;
import dev.concord.ui.editor.EditorViewModel;
import java.time.Clock;
import java.util.List;
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
 * The live banner of one open editor: "Bob changed status and notes 2 minutes ago" when the record moved
 * under the agent, a warning when the agent's unsaved fields overlap, "Rebase now" and "Show changes", and
 * who else has the record open. Fed by {@link #changed} and {@link #presence} on the UI thread; {@link #tick}
 * (a timer) keeps the relative time true and drops lapsed presences. What moved is kept by {@link RecordMoves},
 * the words come from {@link LiveWording}, the overlap warning from {@link OverlapCheck}.
 */
public final class LiveBannerViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(LiveBannerViewModel.class);

    /** What the banner shows. */
    public enum State { HIDDEN, MOVED, REBASED }

    private final EditorViewModel editor;
    private final ConcordApi api;
    private final TaskExecutor executor;
    private final Supplier<String> me;
    private final ServerTime time;
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.HIDDEN);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper overlap = new ReadOnlyStringWrapper(this, "overlap", "");
    private final ReadOnlyStringWrapper presenceText = new ReadOnlyStringWrapper(this, "presence", "");
    private final ReadOnlyBooleanWrapper changesShown = new ReadOnlyBooleanWrapper(this, "changesShown", false);
    private final ObservableList<String> changes = FXCollections.observableArrayList();
    private final ObservableList<String> readOnlyChanges = FXCollections.unmodifiableObservableList(changes);
    private final RecordMoves moves = new RecordMoves();
    private final BannerPresence present = new BannerPresence();
    private final OverlapCheck overlapCheck;
    private final BannerRebase rebase;
    private final ChangeListener<Entity> onBaseMoved = (obs, old, now) -> baseMoved(now);
    private final ChangeListener<Boolean> onDirty = (obs, was, now) -> editsChanged();
    private final ChangeListener<Entity> onMovedOnServer = (obs, old, now) -> movedOnServer(now);

    /**
     * {@code me} gives the signed-in actor (null until known): their own writes and presence are not news
     * to them, and their own save may be announced before its answer arrives.
     */
    public LiveBannerViewModel(EditorViewModel editor, ConcordApi api, TaskExecutor executor, Supplier<String> me) {
        this(editor, api, executor, me, Clock.systemUTC());
    }

    /** As above, with this machine's clock, which times how long someone's presence lasts and how long ago a change was. */
    public LiveBannerViewModel(EditorViewModel editor, ConcordApi api, TaskExecutor executor, Supplier<String> me,
                               Clock clock) {
        this(editor, api, executor, me, new ServerTime(clock));
    }

    /** As above, with the console's reading of the server's clock (shared by its banners). */
    public LiveBannerViewModel(EditorViewModel editor, ConcordApi api, TaskExecutor executor, Supplier<String> me,
                               ServerTime time) {
        this.editor = editor;
        this.api = api;
        this.executor = executor;
        this.me = me;
        this.time = time;
        this.overlapCheck = new OverlapCheck(editor, executor, overlap::set);
        this.rebase = new BannerRebase(editor, api, executor);
        editor.baseProperty().addListener(onBaseMoved);
        editor.movedOnServerProperty().addListener(onMovedOnServer);
        editor.fields().forEach(f -> f.dirtyProperty().addListener(onDirty));
        movedOnServer(editor.movedOnServerProperty().get());
    }

    /** A write committed somewhere; only writes to this editor's record by someone else matter. */
    public void changed(ChangeEvent event) {
        if (!isThisRecord(event.entity(), event.id()) || event.version() <= editor.getBase().version()
                || event.actor().equals(me.get())) {
            return;
        }
        if (!editor.isDirty()) {
            // Nothing of the agent's to protect: the editor just moves to the new record, no banner needed.
            fetchCurrent();
            return;
        }
        moves.add(event, time.now());
        overlapCheck.forgetRefused();
        state.set(State.MOVED);
        updateMessage();
        fetchCurrent();
    }

    /** Someone's presence changed; the agent's own is ignored. */
    public void presence(Presence p) {
        if (!isThisRecord(p.entity(), p.id()) || p.actor().equals(me.get())) {
            return;
        }
        present.update(p, time.local().instant());
        presenceText.set(present.sentence());
    }

    /** What a timer does now and then: keeps "2 minutes ago" true and forgets lapsed presences. */
    public void tick() {
        expirePresence();
        if (state.get() == State.MOVED) {
            message.set(movedSentence());
        }
    }

    /**
     * Forgets presences whose announcement lapsed without a renewal or a "left" (the other console
     * crashed or lost its network). Lapse times are counted on this machine's clock from the server's
     * {@code expiresIn}, never by comparing two machines' clocks.
     */
    public void expirePresence() {
        if (present.expire(time.local().instant())) {
            presenceText.set(present.sentence());
        }
    }

    /**
     * Fetches the record, merges the agent's unsaved edits onto it and makes it the editor's base; a true
     * conflict keeps the edits and the old base, so Save opens the conflict dialog.
     */
    public void rebaseNow() {
        if (state.get() == State.MOVED) {
            rebase.start(this::rebased, this::rebaseRefused, overlap::set);
        }
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

    /** The edits merge onto the newest record: the editor moves onto it, keeping them. */
    private void rebased(LiveRebase.Result result) {
        List<String> theirs = List.copyOf(moves.fields());
        List<String> who = moves.actorList();
        editor.rebaseOnto(result.newBase(), result.edits());
        state.set(State.REBASED);
        message.set(LiveWording.rebased(editor.kind(), result.newBase().version(), who, theirs, result.edits().keySet()));
    }

    private void rebaseRefused(List<String> fields) {
        moves.forgetCurrent();
        overlapCheck.refuse(fields);
        updateOverlap();
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
     * without any event (then who, what and when are read off the record itself).
     */
    private void movedOnServer(Entity newer) {
        if (!moves.fetched(newer, editor.getBase())) {
            return;
        }
        overlapCheck.forgetRefused();
        state.set(State.MOVED);
        updateMessage();
    }

    private void baseMoved(Entity now) {
        if (moves.caughtUpBy(now.version())) {
            overlapCheck.cancel();
            moves.clear();
            overlapCheck.forgetRefused();
            state.set(State.HIDDEN);
            message.set("");
            overlap.set("");
            changesShown.set(false);
            changes.clear();
        }
    }

    private void updateMessage() {
        message.set(movedSentence());
        updateOverlap();
        updateChanges();
    }

    private String movedSentence() {
        return LiveWording.moved(editor.kind(), moves.actors(), moves.fields(), moves.latestAt(), time.now());
    }

    private void editsChanged() {
        overlapCheck.keepRefusedStillEdited();
        updateOverlap();
    }

    private void updateOverlap() {
        if (state.get() != State.MOVED) {
            overlapCheck.cancel();
            return;
        }
        overlapCheck.update(moves.actors(), moves.fields(), moves.current(), () -> state.get() == State.MOVED);
    }

    private void updateChanges() {
        changes.setAll(changesShown.get()
                ? LiveWording.changes(editor.kind(), editor.getBase(), moves.current(), moves.changedBy()) : List.of());
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
        return rebase.runningProperty();
    }

    /** "Status: active → paused (Bob)", one per changed field, while the changes are shown. */
    public ObservableList<String> changes() {
        return readOnlyChanges;
    }

    public EditorViewModel editor() {
        return editor;
    }
}
