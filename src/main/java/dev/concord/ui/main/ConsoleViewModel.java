package dev.concord.ui.main;

import dev.concord.client.Page;
import dev.concord.domain.Entity;
import dev.concord.domain.EntityKind;
import dev.concord.sync.Conflict;
import dev.concord.sync.SaveOutcome;
import dev.concord.ui.common.TrackingTaskExecutor;
import dev.concord.ui.editor.EditorViewModel;
import dev.concord.ui.history.HistoryViewModel;
import dev.concord.ui.records.RecordListViewModel;
import dev.concord.ui.records.RecordRow;
import dev.concord.ui.status.StatusBarViewModel;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;

/**
 * The main window's state: one record list per kind, the open editors (one view model per record, so
 * switching rows keeps unsaved edits), the history of the selected record and the status bar. Its parts do the
 * work: {@link LoadingOrder} (what loads first), {@link ConsoleEditors} (which editors are open and shown),
 * {@link RecordRetirement} (File > Retire).
 */
public final class ConsoleViewModel implements AutoCloseable {
    private final ConsoleServices services;
    private final TrackingTaskExecutor executor;
    private final Map<EntityKind, RecordListViewModel> lists = new EnumMap<>(EntityKind.class);
    private final HistoryViewModel history;
    private final StatusBarViewModel status;
    private final LoadingOrder loading = new LoadingOrder();
    private final ConsoleEditors editors;
    private final RecordRetirement retirement;

    public ConsoleViewModel(ConsoleServices services) {
        this.services = services;
        this.executor = new TrackingTaskExecutor(services.executor());
        for (EntityKind kind : EntityKind.values()) {
            lists.put(kind, new RecordListViewModel(kind, services.api(), executor));
        }
        history = new HistoryViewModel(services.api(), executor);
        status = new StatusBarViewModel(services.serverUrl(), services.api(), services.conflicts(), executor);
        editors = new ConsoleEditors(services, executor, lists, history, status);
        retirement = new RecordRetirement(services, executor, editors, lists, status);
    }

    /**
     * Loads the first page of every list, the agent's identity and the conflict count. The subscriptions (the
     * first tab, the rows an agent sees first) are asked first and the other lists once they have answered
     * ({@link LoadingOrder}).
     */
    public void start() {
        loading.start(lists, status);
    }

    /**
     * How the window runs work that should not compete with laying out the first rows (on 2 cores, the other
     * lists' requests and the event stream's start slowed the first rows' frame, issue 16): the window passes
     * "after the next frame". Set before {@link #start}.
     */
    public void setAfterFirstRows(Consumer<Runnable> afterFirstRows) {
        loading.setAfterFirstRows(afterFirstRows);
    }

    /**
     * The answer to the subscriptions' {@link RecordListViewModel#firstPageQuery}, asked for as soon as the server
     * was up, before this console was built: {@link #start} shows it instead of asking again, so the request runs
     * beside the window's build instead of after it (issue 16). Set before {@link #start}.
     */
    public void setFirstPage(CompletionStage<Page> asked) {
        loading.setFirstPage(asked);
    }

    /** Runs {@code work} as {@link #setAfterFirstRows} says; call once the first list has answered. FX thread. */
    public void afterFirstRows(Runnable work) {
        loading.afterFirstRows(work);
    }

    /**
     * Opens (or returns to) the editor of a listed record: at once if the console holds the record at the row's
     * version (an editor already open on it, or the list's copy), else once it is fetched off the FX thread. Only
     * the last row asked for opens, however the answers arrive.
     */
    public void open(RecordRow row) {
        editors.open(row);
    }

    /** Opens (or returns to) the editor of a record and shows its history. */
    public void open(Entity record) {
        editors.open(record);
    }

    /**
     * File > New: an empty editor of {@code kind} whose Save creates the record; once created, the record
     * opens like any other (its list shows it, its history follows).
     */
    public void openNew(EntityKind kind) {
        editors.openNew(kind);
    }

    /**
     * Told of every editor dropped from the console: editors of records the agent moved away from are kept only
     * while they hold unsaved edits, and a retired record's editor goes too.
     */
    public void addEditorEvictedListener(Consumer<EditorViewModel> listener) {
        editors.addEvictedListener(listener);
    }

    /** The editors the console holds: the one shown and those with unsaved edits. */
    public Collection<EditorViewModel> openEditors() {
        return editors.all();
    }

    public void saveCurrent() {
        if (getEditor() != null) {
            getEditor().save();
        }
    }

    public void revertCurrent() {
        if (getEditor() != null) {
            getEditor().revert();
        }
    }

    /**
     * Fetches every list and every open record again (after a conflict was resolved elsewhere, or when the
     * live stream says writes may have been missed); an editor with edits keeps them and learns of the move.
     */
    public void refreshAll() {
        lists.values().forEach(RecordListViewModel::refresh);
        status.checkConnection();
        editors.reloadAll();
    }

    /** Whether File > Retire applies: a saved record is open (a draft of File > New is not yet a record). */
    public boolean canRetireCurrent() {
        return retirement.applies();
    }

    /**
     * File > Retire: retires the open record at the version the agent sees, off the FX thread. If someone
     * changed it since, nothing is retired: the editor moves to the newer version and says what changed, so
     * retiring it is a new, informed decision. A retired record leaves the list and the editor (the view asks
     * first, and says so when that drops unsaved edits).
     */
    public void retireCurrent() {
        retirement.retireShown();
    }

    /** A conflict of the open record was resolved in the dialog: the editor moves to the saved record. */
    public void conflictResolved(SaveOutcome.Saved saved) {
        editors.conflictResolved(saved);
    }

    /** Who opens the conflict dialog when a save needs a person (the view: it owns the window). */
    public void setConflictHandler(Consumer<Conflict> handler) {
        editors.setConflictHandler(handler);
    }

    @Override
    public void close() {
        status.close();
    }

    public RecordListViewModel list(EntityKind kind) {
        return lists.get(kind);
    }

    public HistoryViewModel history() {
        return history;
    }

    public StatusBarViewModel status() {
        return status;
    }

    public ReadOnlyObjectProperty<EditorViewModel> editorProperty() {
        return editors.shownProperty();
    }

    public EditorViewModel getEditor() {
        return editors.shown();
    }

    public TrackingTaskExecutor executor() {
        return executor;
    }

    public ConsoleServices services() {
        return services;
    }
}
