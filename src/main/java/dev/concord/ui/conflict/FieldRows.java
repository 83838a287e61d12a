package dev.concord.ui.conflict;

import dev.concord.domain.FieldSpec;
import dev.concord.domain.FieldValues;
import dev.concord.merge.FieldConflict;
import dev.concord.sync.Conflict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.IntegerBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The conflict dialog's rows, one {@link FieldRow} per field of the record: which are shown, how many are still
 * undecided, "Next conflict", the bulk decisions and the resolution they add up to. No saving, no texts.
 */
final class FieldRows {
    // The extractor re-filters the visible rows when a refresh changes which fields differ.
    private final ObservableList<FieldRow> rows =
            FXCollections.observableArrayList(row -> new Observable[] {row.changedProperty()});
    private final ObservableList<FieldRow> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
    private final FilteredList<FieldRow> visibleRows = new FilteredList<>(rows);
    private final BooleanProperty showAllFields = new SimpleBooleanProperty(false);
    private final ReadOnlyObjectWrapper<FieldRow> current = new ReadOnlyObjectWrapper<>();
    private final IntegerBinding undecidedCount;

    FieldRows(List<FieldSpec> fields) {
        for (FieldSpec spec : fields) {
            rows.add(new FieldRow(spec));
        }
        visibleRows.predicateProperty().bind(Bindings.createObjectBinding(
                () -> showAllFields.get() ? row -> true : FieldRow::isChanged, showAllFields));
        List<Observable> deps = new ArrayList<>();
        for (FieldRow row : rows) {
            deps.add(row.settledBinding());
            deps.add(row.changedProperty());
        }
        undecidedCount = Bindings.createIntegerBinding(
                () -> (int) rows.stream().filter(r -> !r.settledBinding().get()).count(), deps.toArray(Observable[]::new));
    }

    /**
     * Fills the rows from {@code c}; {@code keep} keeps the person's decisions where theirs did not move again
     * (a refresh). {@code models} are the notes merges by field, built off the FX thread. Returns the number of
     * conflicting fields.
     */
    int load(Conflict c, boolean keep, Map<String, TextMergeModel> models) {
        Set<String> conflicting = c.conflicts().stream().map(FieldConflict::field).collect(Collectors.toSet());
        FieldValues base = c.base().values();
        FieldValues theirs = c.theirs().values();
        for (FieldRow row : rows) {
            String f = row.field();
            Object mine = c.mine().has(f) ? c.mine().get(f) : base.get(f);
            Object merged = c.mergedSoFar().has(f) ? c.mergedSoFar().get(f) : theirs.get(f);
            row.load(base.get(f), mine, theirs.get(f), merged, conflicting.contains(f), keep, models.get(f));
        }
        current.set(null);
        return conflicting.size();
    }

    /** Every change only one side made goes (back) into the result; true conflicts stay as decided. */
    void acceptAllNonConflicting() {
        rows.forEach(FieldRow::takeMerged);
    }

    /** Yours for every true conflict; changes only the other writer made stay merged. */
    void takeAllMine() {
        rows.stream().filter(FieldRow::isConflicting).forEach(FieldRow::takeMine);
    }

    void takeAllTheirs() {
        rows.stream().filter(FieldRow::isConflicting).forEach(FieldRow::takeTheirs);
    }

    /** Moves to the next row still undecided (or invalid) after the current one, wrapping around. */
    Optional<FieldRow> nextConflict() {
        int from = current.get() == null ? -1 : rows.indexOf(current.get());
        for (int step = 1; step <= rows.size(); step++) {
            FieldRow candidate = rows.get((from + step) % rows.size());
            if (!candidate.settledBinding().get()) {
                if (!visibleRows.contains(candidate)) {
                    showAllFields.set(true);
                }
                current.set(candidate);
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The result of every field, in the record's field order. */
    FieldValues resolution() {
        Map<String, Object> values = new LinkedHashMap<>();
        rows.forEach(r -> values.put(r.field(), r.result()));
        return FieldValues.of(values);
    }

    long changedAgainCount() {
        return rows.stream().filter(r -> r.changedAgainProperty().get()).count();
    }

    FieldRow row(String field) {
        return find(field).orElseThrow(() -> new IllegalArgumentException("No field " + field + " in this conflict"));
    }

    Optional<FieldRow> find(String field) {
        return rows.stream().filter(r -> r.field().equals(field)).findFirst();
    }

    ObservableList<FieldRow> all() {
        return readOnlyRows;
    }

    ObservableList<FieldRow> visible() {
        return visibleRows;
    }

    BooleanProperty showAllFieldsProperty() {
        return showAllFields;
    }

    ReadOnlyObjectProperty<FieldRow> currentProperty() {
        return current.getReadOnlyProperty();
    }

    IntegerBinding undecidedCountBinding() {
        return undecidedCount;
    }
}
