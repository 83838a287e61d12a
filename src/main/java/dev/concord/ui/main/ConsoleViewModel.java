package dev.concord.ui.main;

import dev.concord.wording.DependentsWords;
import dev.concord.wording.ReasonWords;
import dev.concord.ui.common.Problems;

import dev.concord.ui.common.People;

import dev.concord.i18n.DomainWords;

import static dev.concord.i18n.Localization.lang;

import dev.concord.domain.Entity;
import dev.concord.domain.EntityKind;
import dev.concord.i18n.Localization;
import dev.concord.sync.Conflict;
import dev.concord.sync.RetireOutcome;
import dev.concord.sync.SaveOutcome;
import dev.concord.ui.common.NoticeLevel;
import dev.concord.ui.common.TrackingTaskExecutor;
import dev.concord.sync.LifecycleCoordinator;
import dev.concord.ui.editor.EditorViewModel;
import dev.concord.ui.editor.NewRecordSaver;
import dev.concord.ui.editor.NewRecords;
import dev.concord.ui.editor.RecordSaver;
import dev.concord.ui.history.HistoryViewModel;
import dev.concord.ui.records.RecordListViewModel;
import dev.concord.ui.records.RecordRow;
import dev.concord.ui.status.StatusBarViewModel;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The main window's state: one record list per kind, the open editors (one view model per record, so
 * switching rows keeps unsaved edits), the history of the selected record and the status bar.
 */
public final class ConsoleViewModel implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleViewModel.class);

    private final ConsoleServices services;
    private final TrackingTaskExecutor executor;
    private final Map<EntityKind, RecordListViewModel> lists = new EnumMap<>(EntityKind.class);
    private final Map<String, EditorViewModel> openEditors = new HashMap<>();
    private final HistoryViewModel history;
    private final StatusBarViewModel status;
    private final ReadOnlyObjectWrapper<EditorViewModel> editor = new ReadOnlyObjectWrapper<>(this, "editor");
    private Consumer<Conflict> conflictHandler = c -> LOG.info("conflict {} waits in the inbox", c.conflictId());
    private final List<Consumer<EditorViewModel>> evictionListeners = new ArrayList<>();
    /**
     * Runs work that can wait until the first rows are on screen (the other lists, the event stream): at once
     * unless the window says how ({@link #setAfterFirstRows}).
     */
    private Consumer<Runnable> afterFirstRows = Runnable::run;
    /** The subscriptions' first page when it was asked for before this console existed (see {@link #setFirstPage}). */
    private java.util.concurrent.CompletionStage<dev.concord.client.Page> firstPage;
    /** Counts open requests, so that a record fetched for an earlier click does not replace a later one. */
    private long openRequests;

    public ConsoleViewModel(ConsoleServices services) {
        this.services = services;
        this.executor = new TrackingTaskExecutor(services.executor());
        for (EntityKind kind : EntityKind.values()) {
            lists.put(kind, new RecordListViewModel(kind, services.api(), executor));
        }
        history = new HistoryViewModel(services.api(), executor);
        status = new StatusBarViewModel(services.serverUrl(), services.api(), services.conflicts(), executor);
    }

    /**
     * Loads the first page of every list, the agent's identity and the conflict count. The subscriptions (the
     * first tab, the rows an agent sees first) are asked first and the other lists once they have answered:
     * asked together, the three pages shared the server and the 2 cores of a laptop, and the first rows came
     * ~0.2-0.5 s later (issue 16).
     */
    public void start() {
        RecordListViewModel first = lists.get(EntityKind.SUBSCRIPTION);
        if (firstPage != null) {
            first.refreshFrom(firstPage);
            firstPage = null;
        } else {
            first.refresh();
        }
        status.start();
        Runnable others = () -> afterFirstRows(
                () -> lists.values().stream().filter(l -> l != first).forEach(RecordListViewModel::refresh));
        if (first.answeredProperty().get()) {
            others.run();
            return;
        }
        first.answeredProperty().addListener(new javafx.beans.value.ChangeListener<Boolean>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Boolean> obs, Boolean was, Boolean now) {
                if (now) {
                    obs.removeListener(this);
                    others.run();
                }
            }
        });
    }

    /**
     * How the window runs work that should not compete with laying out the first rows (on 2 cores, the other
     * lists' requests and the event stream's start slowed the first rows' frame, issue 16): the window passes
     * "after the next frame". Set before {@link #start}.
     */
    public void setAfterFirstRows(Consumer<Runnable> afterFirstRows) {
        this.afterFirstRows = java.util.Objects.requireNonNull(afterFirstRows);
    }

    /**
     * The answer to the subscriptions' {@link RecordListViewModel#firstPageQuery}, asked for as soon as the server
     * was up, before this console was built: {@link #start} shows it instead of asking again, so the request runs
     * beside the window's build instead of after it (issue 16). Set before {@link #start}.
     */
    public void setFirstPage(java.util.concurrent.CompletionStage<dev.concord.client.Page> asked) {
        this.firstPage = java.util.Objects.requireNonNull(asked);
    }

    /** Runs {@code work} as {@link #setAfterFirstRows} says; call once the first list has answered. FX thread. */
    public void afterFirstRows(Runnable work) {
        afterFirstRows.accept(work);
    }

    /**
     * Opens (or returns to) the editor of a listed record: at once if the console holds the record at the row's
     * version (an editor already open on it, or the list's copy), else once it is fetched off the FX thread. Only
     * the last row asked for opens, however the answers arrive.
     */
    public void open(RecordRow row) {
        long mine = ++openRequests;
        EditorViewModel open = openEditors.get(key(row.kind(), row.id()));
        Optional<Entity> known = open != null && open.getBase().version() >= row.version()
                ? Optional.of(open.getBase()) : lists.get(row.kind()).whole(row);
        if (known.isPresent()) {
            open(known.get());
            return;
        }
        executor.run(() -> services.api().get(row.kind(), row.id()), record -> {
            if (mine == openRequests) {
                open(record);
            }
        }, failure -> {
            LOG.warn("could not open {}", row, failure);
            if (mine == openRequests) {
                status.showLiveStatus(Localization.lang("console.openFailed", row.id(), Problems.describe(failure)));
            }
        });
    }

    /** Opens (or returns to) the editor of a record and shows its history. */
    public void open(Entity record) {
        ++openRequests;
        EditorViewModel vm = openEditors.computeIfAbsent(key(record.kind(), record.id()), k -> newEditor(record));
        vm.recordMoved(record);
        editor.set(vm);
        history.show(record.kind(), record.id());
        evictClosedEditors();
    }

    /**
     * File > New: an empty editor of {@code kind} whose Save creates the record; once created, the record
     * opens like any other (its list shows it, its history follows).
     */
    public void openNew(EntityKind kind) {
        RecordSaver creator = new NewRecordSaver(new LifecycleCoordinator(services.api()), services.saver());
        EditorViewModel vm = new EditorViewModel(NewRecords.draft(kind), creator, executor,
                c -> conflictHandler.accept(c));
        vm.addSavedListener(created -> {
            if (editor.get() == vm) {
                lists.get(kind).refresh();
                open(created);
            }
        });
        editor.set(vm);
        evictClosedEditors();
    }

    /**
     * Editors of records the agent moved away from are kept only while they hold unsaved edits (coming back
     * finds them as left); the others are dropped, with whatever hangs on them (a live banner), so that a
     * console open all day does not keep every record it ever showed.
     */
    private void evictClosedEditors() {
        EditorViewModel current = editor.get();
        var it = openEditors.values().iterator();
        while (it.hasNext()) {
            EditorViewModel e = it.next();
            if (e != current && !e.isDirty()) {
                it.remove();
                evictionListeners.forEach(l -> l.accept(e));
            }
        }
    }

    /** Told of every editor dropped from the console (see {@link #open}). */
    public void addEditorEvictedListener(Consumer<EditorViewModel> listener) {
        evictionListeners.add(listener);
    }

    /** The editors the console holds: the one shown and those with unsaved edits. */
    public java.util.Collection<EditorViewModel> openEditors() {
        return java.util.List.copyOf(openEditors.values());
    }

    public void saveCurrent() {
        if (editor.get() != null) {
            editor.get().save();
        }
    }

    public void revertCurrent() {
        if (editor.get() != null) {
            editor.get().revert();
        }
    }

    /**
     * Fetches every list and every open record again (after a conflict was resolved elsewhere, or when the
     * live stream says writes may have been missed); an editor with edits keeps them and learns of the move.
     */
    public void refreshAll() {
        lists.values().forEach(RecordListViewModel::refresh);
        status.checkConnection();
        for (EditorViewModel open : openEditors.values()) {
            Entity base = open.getBase();
            executor.run(() -> services.api().get(base.kind(), base.id()), fresh -> {
                open.recordMoved(fresh);
                lists.get(fresh.kind()).replace(fresh);
                if (editor.get() == open) {
                    history.reload();
                }
            }, failure -> LOG.warn("could not reload {}", base.id(), failure));
        }
    }

    /** Whether File > Retire applies: a saved record is open (a draft of File > New is not yet a record). */
    public boolean canRetireCurrent() {
        return editor.get() != null && !NewRecords.isDraft(editor.get().getBase());
    }

    /**
     * File > Retire: retires the open record at the version the agent sees, off the FX thread. If someone
     * changed it since, nothing is retired: the editor moves to the newer version and says what changed, so
     * retiring it is a new, informed decision. A retired record leaves the list and the editor (the view asks
     * first, and says so when that drops unsaved edits).
     */
    public void retireCurrent() {
        if (!canRetireCurrent()) {
            return;
        }
        EditorViewModel vm = editor.get();
        Entity seen = vm.getBase();
        LifecycleCoordinator lifecycle = new LifecycleCoordinator(services.api());
        vm.tell(NoticeLevel.INFO, lang("retire.working"));
        executor.run(() -> lifecycle.retire(seen), outcome -> showRetired(vm, seen, outcome),
                failure -> vm.tell(NoticeLevel.ERROR, lang("retire.notRetired", Problems.describe(failure))));
    }

    private void showRetired(EditorViewModel vm, Entity seen, RetireOutcome outcome) {
                if (outcome instanceof RetireOutcome.Retired r) {
            forget(vm, seen);
            status.showLiveStatus(lang("retire.done", DomainWords.singular(seen.kind()), seen.id(),
                    String.valueOf(r.deleted().version())));
        } else if (outcome instanceof RetireOutcome.AlreadyGone g) {
            forget(vm, seen);
            status.showLiveStatus(lang("retire.alreadyGone", DomainWords.title(seen.kind()), seen.id()));
        } else if (outcome instanceof RetireOutcome.Stale stale) {
            vm.recordMoved(stale.current());
            lists.get(seen.kind()).replace(stale.current());
            vm.tell(NoticeLevel.WARNING, lang("retire.stale", People.displayName(stale.current().updatedBy()),
                    String.valueOf(seen.version()), String.valueOf(stale.current().version())));
        } else if (outcome instanceof RetireOutcome.Refused refused) {
            vm.tell(NoticeLevel.ERROR, lang("retire.notRetired", DependentsWords.of(refused)));
        } else if (outcome instanceof RetireOutcome.Unreachable u) {
            vm.tell(NoticeLevel.ERROR, lang("retire.notRetired", ReasonWords.of(u.reason())));
        }
    }

    /** A record that is gone leaves its list and its editor, with what hangs on the editor. */
    private void forget(EditorViewModel vm, Entity seen) {
        lists.get(seen.kind()).remove(seen.id());
        EditorViewModel dropped = openEditors.remove(key(seen.kind(), seen.id()));
        if (editor.get() == vm) {
            editor.set(null);
        }
        if (dropped != null) {
            evictionListeners.forEach(l -> l.accept(dropped));
        }
    }

    /** A conflict of the open record was resolved in the dialog: the editor moves to the saved record. */
    public void conflictResolved(SaveOutcome.Saved saved) {
        Entity record = saved.entity();
        EditorViewModel vm = openEditors.get(key(record.kind(), record.id()));
        if (vm != null) {
            vm.adoptResolution(saved);
        }
        lists.get(record.kind()).replace(record);
        if (editor.get() == vm) {
            history.reload();
        }
    }

    /** Who opens the conflict dialog when a save needs a person (the view: it owns the window). */
    public void setConflictHandler(Consumer<Conflict> handler) {
        this.conflictHandler = handler;
    }

    private EditorViewModel newEditor(Entity record) {
        EditorViewModel vm = new EditorViewModel(record, services.saver(), executor, c -> conflictHandler.accept(c));
        vm.addSavedListener(saved -> {
            lists.get(saved.kind()).replace(saved);
            if (editor.get() == vm) {
                history.reload();
            }
        });
        return vm;
    }

    private static String key(EntityKind kind, String id) {
        return kind.path() + "/" + id;
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
        return editor.getReadOnlyProperty();
    }

    public EditorViewModel getEditor() {
        return editor.get();
    }

    public TrackingTaskExecutor executor() {
        return executor;
    }

    public ConsoleServices services() {
        return services;
    }
}
