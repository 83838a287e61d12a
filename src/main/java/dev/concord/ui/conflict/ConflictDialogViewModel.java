package dev.concord.ui.conflict;

import static dev.concord.i18n.Localization.lang;

import dev.concord.api.FieldError;
import dev.concord.domain.Entity;
import dev.concord.domain.FieldValues;
import dev.concord.i18n.DomainWords;
import dev.concord.i18n.Localization;
import dev.concord.sync.Conflict;
import dev.concord.sync.RetryCoordinator;
import dev.concord.sync.SaveOutcome;
import dev.concord.ui.common.People;
import dev.concord.ui.common.Problems;
import dev.concord.ui.common.TaskExecutor;
import dev.concord.wording.ReasonWords;
import java.util.Map;
import java.util.Optional;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.IntegerBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The conflict dialog without its window: its rows ({@link FieldRows}), the title and captions, and the save of
 * the resolution through the coordinator (off the FX thread). A record that moved again while the person
 * decided refreshes the rows with the new theirs instead of failing.
 */
public final class ConflictDialogViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(ConflictDialogViewModel.class);

    private final ResolutionSaver saver;
    private final TaskExecutor executor;
    private final FieldRows rows;
    private final ReadOnlyObjectWrapper<Conflict> conflict = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper theirsCaption = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    /** True until the rows are filled: the notes merges are built off the FX thread first. */
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyObjectWrapper<SaveOutcome.Saved> saved = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper handedOff = new ReadOnlyBooleanWrapper(false);
    private final BooleanBinding canSave;

    /** The console's constructor: resolutions are written by the retry coordinator. */
    public ConflictDialogViewModel(Conflict conflict, RetryCoordinator coordinator, TaskExecutor executor) {
        this(conflict, coordinator::resolve, executor);
    }

    public ConflictDialogViewModel(Conflict conflict, ResolutionSaver saver, TaskExecutor executor) {
        this(conflict, saver, executor, null);
    }

    /**
     * A dialog model whose notes merges were already built ({@link PreparedNotes#of}, off the FX thread): its
     * rows are filled at once and nothing is merged here. With {@code prepared} null they are built through
     * {@code executor} and the rows fill when they arrive.
     */
    public ConflictDialogViewModel(Conflict conflict, ResolutionSaver saver, TaskExecutor executor,
                                   PreparedNotes prepared) {
        this.saver = saver;
        this.executor = executor;
        this.rows = new FieldRows(conflict.kind().fields());
        canSave = rows.undecidedCountBinding().isEqualTo(0).and(busy.not()).and(saved.isNull()).and(handedOff.not())
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

    /** {@link PreparedNotes#of}: call it off the FX thread. */
    public static PreparedNotes prepareNotes(Conflict conflict) {
        return PreparedNotes.of(conflict);
    }

    // ---- commands ----

    public void takeMine(String field) {
        rows.row(field).takeMine();
    }

    public void takeTheirs(String field) {
        rows.row(field).takeTheirs();
    }

    /** Types a result for {@code field}; it is validated like the editor's field and the message shown at the row. */
    public void editResult(String field, String text) {
        rows.row(field).resultTextProperty().set(text);
    }

    public void takeHunk(String field, int hunk, HunkChoice choice) {
        rows.row(field).takeHunk(hunk, choice);
    }

    /** Every change only one side made goes (back) into the result; true conflicts stay as decided. */
    public void acceptAllNonConflicting() {
        rows.acceptAllNonConflicting();
    }

    /** Yours for every true conflict; changes only the other writer made stay merged. */
    public void takeAllMine() {
        rows.takeAllMine();
    }

    public void takeAllTheirs() {
        rows.takeAllTheirs();
    }

    /** Moves to the next conflict still undecided (or invalid) after the current one, wrapping around. */
    public Optional<FieldRow> nextConflict() {
        return rows.nextConflict();
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
        return rows.resolution();
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
            message.set(lang("conflict.changedAgain", who(theirs), String.valueOf(theirs.version()),
                    rows.changedAgainCount()));
        } else if (outcome instanceof SaveOutcome.Pending p) {
            // The coordinator keeps the resolution as a pending edit (and drops the conflict): it is safe on disk,
            // and retrying belongs to the inbox's pending list, not to a second save from here.
            handedOff.set(true);
            message.set(lang("conflict.pending", ReasonWords.of(p.reason())));
        } else if (outcome instanceof SaveOutcome.Failed f) {
            for (FieldError e : f.fieldErrors()) {
                rows.find(e.field()).ifPresent(r -> r.reject(ReasonWords.field(conflict.get().kind(), e)));
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
        int conflicting = rows.load(c, keep, models);
        title.set(lang("conflict.title", DomainWords.title(c.kind()), c.entityId(), conflicting));
        theirsCaption.set(lang("conflict.theirsCaption", who(c.theirs()), Localization.dateTime(c.theirs().updatedAt()),
                String.valueOf(c.theirs().version())));
        conflict.set(c);
    }

    private static String who(Entity e) {
        return People.displayName(e.updatedBy());
    }

    // ---- state ----

    public ObservableList<FieldRow> rows() {
        return rows.all();
    }

    /** Changed fields only, or all while {@link #showAllFieldsProperty()} is set. */
    public ObservableList<FieldRow> visibleRows() {
        return rows.visible();
    }

    public FieldRow rowFor(String field) {
        return rows.row(field);
    }

    public BooleanProperty showAllFieldsProperty() {
        return rows.showAllFieldsProperty();
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
        return rows.currentProperty();
    }

    /** Rows still undecided or invalid. */
    public IntegerBinding undecidedCountBinding() {
        return rows.undecidedCountBinding();
    }

    public BooleanBinding canSaveBinding() {
        return canSave;
    }
}
