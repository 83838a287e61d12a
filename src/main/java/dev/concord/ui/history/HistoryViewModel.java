package dev.concord.ui.history;

import dev.concord.wording.HistoryWords;
import dev.concord.ui.common.Problems;

import dev.concord.i18n.DomainWords;

import static dev.concord.i18n.Localization.lang;

import dev.concord.api.FieldChange;
import dev.concord.api.HistoryEntry;
import dev.concord.client.ConcordApi;
import dev.concord.domain.EntityKind;
import dev.concord.domain.FieldSpec;
import dev.concord.ui.common.People;
import dev.concord.ui.common.TaskExecutor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The change log of the selected record, one row per changed field, newest first. */
public final class HistoryViewModel {
    private final ConcordApi api;
    private final TaskExecutor executor;
    private final ObservableList<HistoryRow> rows = FXCollections.observableArrayList();
    private final ObservableList<HistoryRow> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private EntityKind kind;
    private String id;
    private long generation;

    public HistoryViewModel(ConcordApi api, TaskExecutor executor) {
        this.api = api;
        this.executor = executor;
    }

    /** Shows the history of another record. */
    public void show(EntityKind kind, String id) {
        this.kind = kind;
        this.id = id;
        reload();
    }

    /** Fetches the history of the shown record again (after a save). */
    public void reload() {
        if (kind == null) {
            return;
        }
        long mine = ++generation;
        EntityKind k = kind;
        String recordId = id;
        message.set(lang("history.loading", recordId));
        executor.run(() -> api.history(k, recordId), entries -> {
            if (mine == generation) {
                rows.setAll(toRows(k, entries));
                message.set(entries.isEmpty() ? lang("history.none", recordId) : "");
            }
        }, failure -> {
            if (mine == generation) {
                rows.clear();
                message.set(lang("history.couldNotLoad", Problems.describe(failure)));
            }
        });
    }

    static List<HistoryRow> toRows(EntityKind kind, List<HistoryEntry> entries) {
        List<HistoryRow> out = new ArrayList<>();
        for (HistoryEntry e : entries) {
            String who = People.displayName(e.actor());
            if (e.changes().isEmpty()) {
                String reason = HistoryWords.reason(e);
                out.add(new HistoryRow(e.version(), who, e.at(), e.kind(), "", "", reason == null ? "" : reason));
            }
            for (FieldChange c : e.changes()) {
                String label = DomainWords.field(kind, c.field());
                // Enum values by their display names, as the list and the editor show them.
                boolean named = kind.field(c.field()).map(s -> s.type() == dev.concord.domain.FieldType.ENUM).orElse(false);
                out.add(new HistoryRow(e.version(), who, e.at(), e.kind(), label,
                        named ? dev.concord.i18n.ValueWords.of(shown(c.from())) : shown(c.from()),
                        named ? dev.concord.i18n.ValueWords.of(shown(c.to())) : shown(c.to())));
            }
        }
        return out;
    }

    private static String shown(Object wire) {
        if (wire == null) {
            return "";
        }
        if (wire instanceof Collection<?> items) {
            return String.join(", ", items.stream().map(String::valueOf).toList());
        }
        return String.valueOf(wire);
    }

    public ObservableList<HistoryRow> rows() {
        return readOnlyRows;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
