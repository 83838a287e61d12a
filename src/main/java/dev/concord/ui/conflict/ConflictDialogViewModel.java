package dev.concord.ui.conflict;

import dev.concord.wording.ReasonWords;
import dev.concord.ui.common.Problems;

import dev.concord.ui.common.People;

import dev.concord.i18n.Localization;

import dev.concord.i18n.DomainWords;

import static dev.concord.i18n.Localization.lang;

import dev.concord.api.FieldError;
import dev.concord.domain.Entity;
import dev.concord.domain.FieldSpec;
import dev.concord.domain.FieldValues;
import dev.concord.merge.FieldConflict;
import dev.concord.sync.Conflict;
import dev.concord.sync.RetryCoordinator;
import dev.concord.sync.SaveOutcome;
import dev.concord.ui.common.TaskExecutor;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.IntegerBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The conflict dialog without its window: one {@link FieldRow} per field, the person's decisions, and the
 * save of the resolution through the coordinator (off the FX thread). A record that moved again while the
 * person decided refreshes the rows with the new theirs instead of failing.
 */
public final class ConflictDialogViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(ConflictDialogViewModel.class);

    private final ResolutionSaver saver;
    private final TaskExecutor executor;
    // The extractor re-filters the visible rows when a refresh changes which fields differ.
    private final ObservableList<FieldRow> rows =
            FXCollections.observableArrayList(row -> new Observable[] {row.changedProperty()});
    private final ObservableList<FieldRow> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
    private final FilteredList<FieldRow> visibleRows = new FilteredList<>(rows);
    private final BooleanProperty showAllFields = new SimpleBooleanProperty(false);
    private final ReadOnlyObjectWrapper<Conflict> conflict = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper theirsCaption = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    /** True until the rows are filled: the notes merges are built off the FX thread first. */
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyObjectWrapper<SaveOutcome.Saved> saved = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper handedOff = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<FieldRow> current = new ReadOnlyObjectWrapper<>();
    private final IntegerBinding undecidedCount;
    private final BooleanBinding canSave;

    /** The console's constructor: resolutions are written by the retry coordinator. */
    public ConflictDialogViewModel(Conflict conflict, RetryCoordinator coordinator, TaskExecutor executor) {
        this(conflict, coordinator::resolve, executor);
    }

    public ConflictDialogViewModel(Conflict conflict, ResolutionSaver saver, TaskExecutor executor) {
        this(conflict, saver, executor, null);
    }

    /**
     * A dialog model whose notes merges were already built ({@link #prepareNotes}, off the FX thread): its rows
     * are filled at once and nothing is merged here. With {@code prepared} null they are built through
     * {@code executor} and the rows fill when they arrive.
     */
    public ConflictDialogViewModel(Conflict conflict, ResolutionSaver saver, TaskExecutor executor,
                                   PreparedNotes prepared) {
        this.saver = saver;
        this.executor = executor;
        for (FieldSpec spec : conflict.kind().fields()) {
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
        canSave = undecidedCount.isEqualTo(0).and(busy.not()).and(saved.isNull()).and(handedOff.not())
                .and(loading.not());
        if (prepared != null) {
            if (!prepared.conflict().equals(conflict)) {
                throw new IllegalArgumentException("notes prepared for another conflict");
            }
            load(conflict, false, prepared.models());
            loading.set(false);
            return;
        }
        executor.compute(() -> NotesModels.of(conflict), models -> {
            load(conflict, false, models);
            loading.set(false);
        }, failure -> {
            LOG.warn("merging the notes of {} failed", conflict.conflictId(), failure);
            load(conflict, false, Map.of());
            loading.set(false);
        });
    }

    /** The notes merges of a conflict, built by {@link #prepareNotes} for a dialog that opens with them. */
    public record PreparedNotes(Conflict conflict, Map<String, TextMergeModel> models) {
        public PreparedNotes {
            models = Map.copyOf(models);
        }
    }

    /**
     * Builds the notes merges of {@code conflict}: a three-way merge and a diff per hunk, which on long or
     * reordered notes takes a while, so call it off the FX thread (the dialog then opens with its rows filled).
     */
    public static PreparedNotes prepareNotes(Conflict conflict) {
        return new PreparedNotes(conflict, NotesModels.of(conflict));
    }

    // ---- commands ----

    public void takeMine(String field) {
        row(field).takeMine();
    }

    public void takeTheirs(String field) {
        row(field).takeTheirs();
    }

    /** Types a result for {@code field}; it is validated like the editor's field and the message shown at the row. */
    public void editResult(String field, String text) {
        row(field).resultTextProperty().set(text);
    }

    public void takeHunk(String field, int hunk, HunkChoice choice) {
        row(field).takeHunk(hunk, choice);
    }

    /** Every change only one side made goes (back) into the result; true conflicts stay as decided. */
    public void acceptAllNonConflicting() {
        rows.forEach(FieldRow::takeMerged);
    }

    /** Yours for every true conflict; changes only the other writer made stay merged. */
    public void takeAllMine() {
        rows.stream().filter(FieldRow::isConflicting).forEach(FieldRow::takeMine);
    }

    public void takeAllTheirs() {
        rows.stream().filter(FieldRow::isConflicting).forEach(FieldRow::takeTheirs);
    }

    /** Moves to the next conflict still undecided (or invalid) after the current one, wrapping around. */
    public Optional<FieldRow> nextConflict() {
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

    /** Writes the resolution off the FX thread; the outcome arrives on it. */
    public void saveResolution() {
        if (!canSave.get()) {
            return;
        }
        String conflictId = conflict.get().conflictId();
        FieldValues resolution = resolution();
        busy.set(true);
        message.set(lang("conflict.saving"));
        // A refreshed conflict's notes merges are built in the same background task as the save.
        executor.run(() -> Saving.of(saver.resolve(conflictId, resolution)),
                s -> onOutcome(s.outcome(), s.models()), this::onError);
    }

    private record Saving(SaveOutcome outcome, Map<String, TextMergeModel> models) {
        static Saving of(SaveOutcome outcome) {
            return new Saving(outcome, outcome instanceof SaveOutcome.NeedsResolution n
                    ? NotesModels.of(n.conflict()) : Map.of());
        }
    }

    /** The result of every field, in the record's field order. */
    public FieldValues resolution() {
        Map<String, Object> values = new LinkedHashMap<>();
        rows.forEach(r -> values.put(r.field(), r.result()));
        return FieldValues.of(values);
    }

    // ---- outcome ----

    private void onOutcome(SaveOutcome outcome, Map<String, TextMergeModel> models) {
        busy.set(false);
        if (outcome instanceof SaveOutcome.Saved s) {
            message.set(lang("conflict.saved", String.valueOf(s.entity().version())));
            saved.set(s);
        } else if (outcome instanceof SaveOutcome.NeedsResolution n) {
            Entity theirs = n.conflict().theirs();
            load(n.conflict(), true, models);
            long moved = rows.stream().filter(r -> r.changedAgainProperty().get()).count();
            message.set(lang("conflict.changedAgain", who(theirs), String.valueOf(theirs.version()), moved));
        } else if (outcome instanceof SaveOutcome.Pending p) {
            // The coordinator keeps the resolution as a pending edit (and drops the conflict): it is safe on disk,
            // and retrying belongs to the inbox's pending list, not to a second save from here.
            handedOff.set(true);
            message.set(lang("conflict.pending", ReasonWords.of(p.reason())));
        } else if (outcome instanceof SaveOutcome.Failed f) {
            for (FieldError e : f.fieldErrors()) {
                find(e.field()).ifPresent(r -> r.reject(ReasonWords.field(conflict.get().kind(), e)));
            }
            message.set(lang("conflict.notSaved", ReasonWords.failed(f, conflict.get().kind())));
        }
    }

    private void onError(Throwable e) {
        LOG.warn("saving the resolution of {} failed", conflict.get().conflictId(), e);
        busy.set(false);
        message.set(lang("conflict.notSavedKept", Problems.describe(e)));
    }

    private void load(Conflict c, boolean keep, Map<String, TextMergeModel> models) {
        Set<String> conflicting = c.conflicts().stream().map(FieldConflict::field).collect(Collectors.toSet());
        FieldValues base = c.base().values();
        FieldValues theirs = c.theirs().values();
        for (FieldRow row : rows) {
            String f = row.field();
            Object mine = c.mine().has(f) ? c.mine().get(f) : base.get(f);
            Object merged = c.mergedSoFar().has(f) ? c.mergedSoFar().get(f) : theirs.get(f);
            row.load(base.get(f), mine, theirs.get(f), merged, conflicting.contains(f), keep, models.get(f));
        }
        title.set(lang("conflict.title", DomainWords.title(c.kind()), c.entityId(), conflicting.size()));
        theirsCaption.set(lang("conflict.theirsCaption", who(c.theirs()), Localization.dateTime(c.theirs().updatedAt()),
                String.valueOf(c.theirs().version())));
        current.set(null);
        conflict.set(c);
    }

    private static String who(Entity e) {
        return People.displayName(e.updatedBy());
    }

    private FieldRow row(String field) {
        return find(field).orElseThrow(() -> new IllegalArgumentException("No field " + field + " in this conflict"));
    }

    private Optional<FieldRow> find(String field) {
        return rows.stream().filter(r -> r.field().equals(field)).findFirst();
    }

    // ---- state ----

    public ObservableList<FieldRow> rows() {
        return readOnlyRows;
    }

    /** Changed fields only, or all while {@link #showAllFieldsProperty()} is set. */
    public ObservableList<FieldRow> visibleRows() {
        return visibleRows;
    }

    public FieldRow rowFor(String field) {
        return row(field);
    }

    public BooleanProperty showAllFieldsProperty() {
        return showAllFields;
    }

    public ReadOnlyObjectProperty<Conflict> conflictProperty() {
        return conflict.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** Who wrote theirs and when, e.g. "Bob, 29 Nov 05:12 (v8)". */
    public ReadOnlyStringProperty theirsCaptionProperty() {
        return theirsCaption.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** True until the rows are filled (the notes merges are being built). */
    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Set once the resolution is written; the dialog closes on it. */
    public ReadOnlyObjectProperty<SaveOutcome.Saved> savedProperty() {
        return saved.getReadOnlyProperty();
    }

    /** Set when the resolution could not reach the server and was kept as a pending edit instead. */
    public ReadOnlyBooleanProperty handedOffProperty() {
        return handedOff.getReadOnlyProperty();
    }

    /** The row "Next conflict" moved to. */
    public ReadOnlyObjectProperty<FieldRow> currentProperty() {
        return current.getReadOnlyProperty();
    }

    /** Rows still undecided or invalid. */
    public IntegerBinding undecidedCountBinding() {
        return undecidedCount;
    }

    public BooleanBinding canSaveBinding() {
        return canSave;
    }
}
