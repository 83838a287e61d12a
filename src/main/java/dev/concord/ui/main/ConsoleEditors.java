package dev.concord.ui.main;

import dev.concord.domain.Entity;
import dev.concord.domain.EntityKind;
import dev.concord.i18n.Localization;
import dev.concord.sync.Conflict;
import dev.concord.sync.LifecycleCoordinator;
import dev.concord.sync.SaveOutcome;
import dev.concord.ui.common.Problems;
import dev.concord.ui.common.TrackingTaskExecutor;
import dev.concord.ui.editor.EditorViewModel;
import dev.concord.ui.editor.NewRecordSaver;
import dev.concord.ui.editor.NewRecords;
import dev.concord.ui.editor.RecordSaver;
import dev.concord.ui.history.HistoryViewModel;
import dev.concord.ui.records.RecordListViewModel;
import dev.concord.ui.records.RecordRow;
import dev.concord.ui.status.StatusBarViewModel;
import java.util.ArrayList;
import java.util.Collection;
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
 * The editors of one console window: which one is shown, one view model per record (so switching rows keeps
 * unsaved edits), which are dropped once the agent moves on, and moving them to newer versions of their records.
 * The history follows the shown editor. FX thread.
 */
final class ConsoleEditors {
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleEditors.class);

    private final ConsoleServices services;
    private final TrackingTaskExecutor executor;
    private final Map<EntityKind, RecordListViewModel> lists;
    private final HistoryViewModel history;
    private final StatusBarViewModel status;
    private final Map<String, EditorViewModel> openEditors = new HashMap<>();
    private final ReadOnlyObjectWrapper<EditorViewModel> editor = new ReadOnlyObjectWrapper<>(this, "editor");
    private final List<Consumer<EditorViewModel>> evictionListeners = new ArrayList<>();
    private Consumer<Conflict> conflictHandler = c -> LOG.info("conflict {} waits in the inbox", c.conflictId());
    /** Counts open requests, so that a record fetched for an earlier click does not replace a later one. */
    private long openRequests;

    ConsoleEditors(ConsoleServices services, TrackingTaskExecutor executor, Map<EntityKind, RecordListViewModel> lists,
                   HistoryViewModel history, StatusBarViewModel status) {
        this.services = services;
        this.executor = executor;
        this.lists = lists;
        this.history = history;
        this.status = status;
    }

    /** See {@link ConsoleViewModel#open(RecordRow)}. */
    void open(RecordRow row) {
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
    void open(Entity record) {
        ++openRequests;
        EditorViewModel vm = openEditors.computeIfAbsent(key(record.kind(), record.id()), k -> newEditor(record));
        vm.recordMoved(record);
        editor.set(vm);
        history.show(record.kind(), record.id());
        evictClosedEditors();
    }

    /** See {@link ConsoleViewModel#openNew}. */
    void openNew(EntityKind kind) {
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

    /** Told of every editor dropped (moved away from without edits, or its record gone). */
    void addEvictedListener(Consumer<EditorViewModel> listener) {
        evictionListeners.add(listener);
    }

    /** The editors held: the one shown and those with unsaved edits. */
    Collection<EditorViewModel> all() {
        return List.copyOf(openEditors.values());
    }

    /** Fetches every open record again; an editor with edits keeps them and learns of the move. */
    void reloadAll() {
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

    /** A record that is gone leaves its list and its editor, with what hangs on the editor. */
    void forget(EditorViewModel vm, Entity seen) {
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
    void conflictResolved(SaveOutcome.Saved saved) {
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

    void setConflictHandler(Consumer<Conflict> handler) {
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

    ReadOnlyObjectProperty<EditorViewModel> shownProperty() {
        return editor.getReadOnlyProperty();
    }

    EditorViewModel shown() {
        return editor.get();
    }
}
