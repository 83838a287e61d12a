package dev.concord.ui.records;

import dev.concord.ui.common.Problems;

import dev.concord.i18n.DomainWords;

import static dev.concord.i18n.Localization.lang;

import dev.concord.client.ConcordApi;
import dev.concord.client.ListQuery;
import dev.concord.client.Page;
import dev.concord.domain.Entity;
import dev.concord.domain.EntityKind;
import dev.concord.domain.FieldSpec;
import dev.concord.ui.common.TaskExecutor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The records of one kind as the table shows them: a search text and a status filter (each change reloads
 * the first page), pages fetched with the list cursor on demand, rows replaced in place after a save. Rows
 * are {@link RecordRow}s, only what the table shows; the whole records of the first page and of rows
 * replaced since are kept too (a few dozen), so opening one of those needs no request.
 */
public final class RecordListViewModel {
    /** Big enough to fill a 1280x800 window, small enough that the first page comes back at once. */
    static final int PAGE_SIZE = 50;
    /** How many whole records the list keeps besides its rows: the first page and some replaced since. */
    static final int KEPT_WHOLE = 2 * PAGE_SIZE;

    private final EntityKind kind;
    private final ConcordApi api;
    private final TaskExecutor executor;
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final ObjectProperty<String> statusFilter = new SimpleObjectProperty<>(this, "statusFilter");
    private final ObservableList<RecordRow> items = FXCollections.observableArrayList();
    private final ObservableList<RecordRow> readOnlyItems = FXCollections.unmodifiableObservableList(items);
    /** Whole records recently listed or replaced, by id, least recently put first; at most {@link #KEPT_WHOLE}. */
    private final Map<String, Entity> whole = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Entity> eldest) {
            return size() > KEPT_WHOLE;
        }
    };
    private final ReadOnlyBooleanWrapper hasMore = new ReadOnlyBooleanWrapper(this, "hasMore", false);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading", false);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    /** The event high-water mark of the first page this list showed (null until then, or if the server sent none). */
    private final javafx.beans.property.ReadOnlyObjectWrapper<Long> firstEventMark =
            new javafx.beans.property.ReadOnlyObjectWrapper<>(this, "firstEventMark");
    /** False until the first answer (a page or an error): an empty table before that is not "no match". */
    private final ReadOnlyBooleanWrapper answered = new ReadOnlyBooleanWrapper(this, "answered", false);
    private String nextCursor;
    /** Answers to an older search arrive after newer ones; only the latest request may fill the table. */
    private long generation;

    public RecordListViewModel(EntityKind kind, ConcordApi api, TaskExecutor executor) {
        this.kind = kind;
        this.api = api;
        this.executor = executor;
        search.addListener((obs, old, now) -> refresh());
        statusFilter.addListener((obs, old, now) -> refresh());
    }

    /** Reloads the first page with the current search and filter. */
    public void refresh() {
        long mine = ++generation;
        ListQuery query = new ListQuery(blankToNull(search.get()), statusFilter.get(), PAGE_SIZE, null);
        fetch(query, mine, true);
    }

    /** What {@link #refresh} asks for while nothing is searched or filtered: the list's first page as it opens. */
    public static ListQuery firstPageQuery() {
        return new ListQuery(null, null, PAGE_SIZE, null);
    }

    /**
     * As {@link #refresh}, with the answer to {@link #firstPageQuery} already asked for by whoever knew the
     * server before this list existed (the console asks as soon as its server is up, while the window is being
     * built: issue 16). A search or filter set since then asks afresh.
     */
    public void refreshFrom(java.util.concurrent.CompletionStage<Page> asked) {
        if (!search.get().isBlank() || statusFilter.get() != null) {
            refresh();
            return;
        }
        long mine = ++generation;
        java.util.concurrent.CompletableFuture<Page> answer = asked.toCompletableFuture();
        if (answer.isDone() && !answer.isCompletedExceptionally()) {
            // Already in (the window showed it as a preview): in the table's first frame, not one after it.
            show(answer.join(), true);
            return;
        }
        fetch(() -> {
            try {
                return asked.toCompletableFuture().get();
            } catch (java.util.concurrent.ExecutionException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
        }, mine, true);
    }

    /** Appends the next page, if there is one. */
    public void loadMore() {
        if (nextCursor == null || loading.get()) {
            return;
        }
        ListQuery query = new ListQuery(blankToNull(search.get()), statusFilter.get(), PAGE_SIZE, nextCursor);
        fetch(query, generation, false);
    }

    /** Puts a newer copy of a record where the old one is shown. */
    /** Drops the row of a record that was retired (soft-deleted) elsewhere. */
    public void remove(String id) {
        items.removeIf(row -> row.id().equals(id));
        whole.remove(id);
    }

    public void replace(Entity updated) {
        for (int i = 0; i < items.size(); i++) {
            RecordRow row = items.get(i);
            if (row.id().equals(updated.id()) && row.version() <= updated.version()) {
                items.set(i, RecordRow.of(updated));
                whole.put(updated.id(), updated);
                return;
            }
        }
    }

    /** The whole record of a row, if the list still has it at least at that row's version. */
    public Optional<Entity> whole(RecordRow row) {
        Entity e = whole.get(row.id());
        return e != null && e.version() >= row.version() ? Optional.of(e) : Optional.empty();
    }

    private void fetch(ListQuery query, long requestGeneration, boolean replaceAll) {
        fetch(() -> api.list(kind, query), requestGeneration, replaceAll);
    }

    private void fetch(java.util.concurrent.Callable<Page> request, long requestGeneration, boolean replaceAll) {
        loading.set(true);
        executor.run(request, page -> {
            if (requestGeneration != generation) {
                return;
            }
            show(page, replaceAll);
        }, failure -> {
            if (requestGeneration != generation) {
                return;
            }
            loading.set(false);
            answered.set(true);
            error.set(lang("list.couldNotLoad", DomainWords.pluralInSentence(kind), Problems.describe(failure)));
        });
    }

    private void show(Page page, boolean replaceAll) {
        if (!answered.get() && page.lastEventId() != null) {
            firstEventMark.set(page.lastEventId());
        }
        answered.set(true);
        error.set("");
        List<RecordRow> rows = new ArrayList<>(page.items().size());
        for (Entity e : page.items()) {
            rows.add(RecordRow.of(e));
        }
        if (replaceAll) {
            whole.clear();
            page.items().forEach(e -> whole.put(e.id(), e));
            items.setAll(rows);
        } else {
            items.addAll(rows);
        }
        nextCursor = page.nextCursor();
        hasMore.set(nextCursor != null);
        // Last: whoever waits for the answer (Enter in the search) finds its rows in the table.
        loading.set(false);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /**
     * The server's event high-water mark when it read this list's first page: a live stream opened with it
     * as Last-Event-ID misses no write that page did not show. Null until the first page (and if the
     * first answer was an error).
     */
    public javafx.beans.property.ReadOnlyObjectProperty<Long> firstEventMarkProperty() {
        return firstEventMark.getReadOnlyProperty();
    }

    public EntityKind kind() {
        return kind;
    }

    /** The values the status filter offers (empty for kinds without a status). */
    public List<String> statusChoices() {
        return kind.field("status").map(FieldSpec::allowedValues).orElse(List.of());
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ObjectProperty<String> statusFilterProperty() {
        return statusFilter;
    }

    public ObservableList<RecordRow> items() {
        return readOnlyItems;
    }

    public ReadOnlyBooleanProperty hasMoreProperty() {
        return hasMore.getReadOnlyProperty();
    }

    /** Whether the server has answered this list at least once (with a page or an error). */
    public ReadOnlyBooleanProperty answeredProperty() {
        return answered.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
