package dev.concord.ui.editor;

import dev.concord.ui.common.Problems;
import dev.concord.wording.ReasonWords;
import dev.concord.i18n.DomainWords;

import static dev.concord.i18n.Localization.lang;

import dev.concord.api.FieldError;
import dev.concord.domain.Entity;
import dev.concord.domain.EntityKind;
import dev.concord.domain.FieldSpec;
import dev.concord.domain.FieldValues;
import dev.concord.sync.Conflict;
import dev.concord.sync.SaveOutcome;
import dev.concord.ui.common.NoticeLevel;
import dev.concord.ui.common.TaskExecutor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One open record: a {@link FieldModel} per field of its kind (driven by {@link EntityKind#fields()}, so one
 * editor serves subscriptions, plans and invoices), dirty and validity state, and the Save and Revert
 * commands. Saving goes through the {@link RecordSaver} on the executor and turns each outcome into a
 * short notice; a true conflict is handed to the conflict handler (the console opens the dialog).
 */
public final class EditorViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(EditorViewModel.class);

    private final RecordSaver saver;
    private final TaskExecutor executor;
    private final Consumer<Conflict> conflictHandler;
    private final Map<String, FieldModel<?>> fields = new LinkedHashMap<>();
    private final ReadOnlyObjectWrapper<Entity> base = new ReadOnlyObjectWrapper<>(this, "base");
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(this, "saving", false);
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final ReadOnlyObjectWrapper<NoticeLevel> noticeLevel =
            new ReadOnlyObjectWrapper<>(this, "noticeLevel", NoticeLevel.NONE);
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final BooleanBinding dirty;
    private final BooleanBinding valid;
    private final BooleanBinding canSave;
    private final List<Consumer<Entity>> savedListeners = new ArrayList<>();
    /**
     * A newer copy of the record that arrived while the agent had unsaved edits; null when none. The banner
     * (ui.live) shows it and offers Rebase now.
     */
    private final ReadOnlyObjectWrapper<Entity> movedOnServer = new ReadOnlyObjectWrapper<>(this, "movedOnServer");

    public EditorViewModel(Entity record, RecordSaver saver, TaskExecutor executor,
                           Consumer<Conflict> conflictHandler) {
        this.saver = saver;
        this.executor = executor;
        this.conflictHandler = conflictHandler;
        FieldValues values = record.values();
        for (FieldSpec spec : record.kind().fields()) {
            fields.put(spec.name(), new FieldModel<>(spec, values.get(spec.name())));
        }
        List<Observable> dirtyFlags = new ArrayList<>();
        List<Observable> validFlags = new ArrayList<>();
        fields.values().forEach(f -> {
            dirtyFlags.add(f.dirtyProperty());
            validFlags.add(f.validProperty());
        });
        dirty = Bindings.createBooleanBinding(() -> fields.values().stream().anyMatch(FieldModel::isDirty),
                dirtyFlags.toArray(Observable[]::new));
        valid = Bindings.createBooleanBinding(() -> fields.values().stream().allMatch(FieldModel::isValid),
                validFlags.toArray(Observable[]::new));
        canSave = dirty.and(valid).and(saving.not());
        moveBaseTo(record);
    }

    /** Sends the agent's changes; does nothing while a field is refused or nothing changed. */
    public void save() {
        if (!valid.get()) {
            showNotice(NoticeLevel.ERROR, lang("editor.fixMarked"));
            return;
        }
        if (!canSave.get()) {
            return;
        }
        Entity from = base.get();
        FieldValues mine = editedValues();
        saving.set(true);
        showNotice(NoticeLevel.INFO, lang("editor.saving"));
        executor.run(() -> saver.save(from, mine), this::showOutcome, this::showUnexpectedFailure);
    }

    /** Throws away the agent's edits: every field goes back to the record the edit is based on. */
    public void revert() {
        if (saving.get()) {
            return;
        }
        // Nothing of the agent's is left to protect, so the editor can catch up with the server.
        Entity newest = movedOnServer.get() != null ? movedOnServer.get() : base.get();
        moveBaseTo(newest);
        showNotice(NoticeLevel.NONE, "");
    }

    /**
     * A newer copy of the record arrived (a refresh now, a live event later). An unedited editor simply
     * moves to it. With unsaved edits the base is NOT moved silently: that would let a save overwrite the
     * other writer's change without a conflict. Instead the newer record waits in {@link #movedOnServerProperty()}
     * for the banner, whose Rebase now merges the edits onto it ({@link #rebaseOnto}).
     */
    public void recordMoved(Entity newer) {
        if (saving.get() || newer.version() <= base.get().version()) {
            return;
        }
        if (!isDirty()) {
            moveBaseTo(newer);
            return;
        }
        movedOnServer.set(newer);
    }

    /**
     * Rebase now (the banner, through sync.LiveRebase): {@code newer} becomes the base and {@code edits}
     * (canonical values, already merged with the newer record) the agent's unsaved changes.
     */
    public void rebaseOnto(Entity newer, Map<String, Object> edits) {
        if (saving.get()) {
            return;
        }
        moveBaseTo(newer);
        edits.forEach((name, value) -> field(name).ifPresent(f -> f.edit(value)));
    }

    /**
     * The conflict this editor raised was resolved in the dialog: the resolution replaces the agent's
     * edits (they were decided there), and the editor moves to the saved record.
     */
    public void adoptResolution(SaveOutcome.Saved saved) {
        if (saving.get()) {
            return;
        }
        moveBaseTo(saved.entity());
        showNotice(NoticeLevel.SUCCESS, lang("editor.resolvedSaved", String.valueOf(saved.entity().version())));
    }

    /** Called with the new record after every successful save (the table updates its row). */
    public void addSavedListener(Consumer<Entity> listener) {
        savedListeners.add(listener);
    }

    private void showOutcome(SaveOutcome outcome) {
        saving.set(false);
        // Java 17: no pattern switch yet; SaveOutcome is sealed, so these four branches are all there is.
        if (outcome instanceof SaveOutcome.Saved s) {
            moveBaseTo(s.entity());
            showNotice(NoticeLevel.SUCCESS, SaveNotices.saved(s));
            savedListeners.forEach(l -> l.accept(s.entity()));
        } else if (outcome instanceof SaveOutcome.NeedsResolution n) {
            showNotice(NoticeLevel.WARNING, SaveNotices.needsResolution(n));
            conflictHandler.accept(n.conflict());
        } else if (outcome instanceof SaveOutcome.Pending p) {
            showNotice(NoticeLevel.WARNING, SaveNotices.pending(p));
        } else if (outcome instanceof SaveOutcome.Failed f) {
            for (FieldError e : f.fieldErrors()) {
                field(e.field()).ifPresent(m -> m.showServerError(ReasonWords.field(base.get().kind(), e)));
            }
            showNotice(NoticeLevel.ERROR, lang("editor.notSaved", ReasonWords.failed(f, base.get().kind())));
        }
    }

    private void showUnexpectedFailure(Throwable error) {
        saving.set(false);
        LOG.warn("save failed", error);
        showNotice(NoticeLevel.ERROR, lang("editor.notSaved", Problems.describe(error)));
    }

    /** Every field as the agent has it now: the base with the agent's edits on top. */
    public FieldValues editedValues() {
        Map<String, Object> changed = new LinkedHashMap<>();
        fields.values().stream().filter(FieldModel::isDirty).forEach(f -> changed.put(f.name(), f.value()));
        return base.get().values().withAll(changed);
    }

    private void moveBaseTo(Entity record) {
        base.set(record);
        if (movedOnServer.get() != null && movedOnServer.get().version() <= record.version()) {
            movedOnServer.set(null);
        }
        title.set(NewRecords.isDraft(record) ? DomainWords.newRecord(record.kind())
                : DomainWords.title(record.kind()) + " " + record.id());
        resetFields(record);
    }

    private void resetFields(Entity record) {
        FieldValues values = record.values();
        fields.values().forEach(f -> f.reset(values.get(f.name())));
    }

    /** A word from a command run on this record beside the editor (File > Retire), shown where save outcomes are. */
    public void tell(NoticeLevel level, String text) {
        showNotice(level, text);
    }

    private void showNotice(NoticeLevel level, String text) {
        noticeLevel.set(level);
        notice.set(text);
    }

    public EntityKind kind() {
        return base.get().kind();
    }

    public List<FieldModel<?>> fields() {
        return List.copyOf(fields.values());
    }

    public Optional<FieldModel<?>> field(String name) {
        return Optional.ofNullable(fields.get(name));
    }

    public ReadOnlyObjectProperty<Entity> baseProperty() {
        return base.getReadOnlyProperty();
    }

    public Entity getBase() {
        return base.get();
    }

    public BooleanBinding dirtyProperty() {
        return dirty;
    }

    public boolean isDirty() {
        return dirty.get();
    }

    public BooleanBinding validProperty() {
        return valid;
    }

    public BooleanBinding canSaveProperty() {
        return canSave;
    }

    public ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public String getNotice() {
        return notice.get();
    }

    public ReadOnlyObjectProperty<NoticeLevel> noticeLevelProperty() {
        return noticeLevel.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Entity> movedOnServerProperty() {
        return movedOnServer.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }
}
