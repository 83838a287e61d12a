package dev.concord.ui.inbox;

import dev.concord.wording.ReasonWords;
import dev.concord.ui.common.Problems;

import dev.concord.ui.common.People;

import dev.concord.i18n.Localization;

import dev.concord.i18n.DomainWords;

import static dev.concord.i18n.Localization.lang;

import dev.concord.sync.Conflict;
import dev.concord.sync.ConflictStore;
import dev.concord.sync.PendingEdit;
import dev.concord.sync.RetryCoordinator;
import dev.concord.sync.SaveOutcome;
import dev.concord.ui.common.TaskExecutor;
import dev.concord.ui.conflict.ConflictDialogViewModel;
import dev.concord.ui.conflict.NotesPrefetch;
import java.util.Comparator;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.IntegerBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The conflict inbox without its view: the store's unresolved conflicts and pending edits as observable
 * lists kept in step with the store on the FX thread, opening a conflict, and retrying a pending edit.
 * Close it when the view goes away, so the long-lived store does not keep calling it.
 */
public final class ConflictInboxViewModel implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConflictInboxViewModel.class);

    private final ConflictStore store;
    private final RetryCoordinator coordinator;
    private final TaskExecutor executor;
    private final ObservableList<Conflict> conflicts = FXCollections.observableArrayList();
    private final ObservableList<PendingEdit> pending = FXCollections.observableArrayList();
    private final ObservableList<Conflict> readOnlyConflicts = FXCollections.unmodifiableObservableList(conflicts);
    private final ObservableList<PendingEdit> readOnlyPending = FXCollections.unmodifiableObservableList(pending);
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper retrying = new ReadOnlyBooleanWrapper(false);
    private final IntegerBinding unresolvedCount = Bindings.size(conflicts);
    private final AutoCloseable subscription;
    private final NotesPrefetch notes;

    public ConflictInboxViewModel(ConflictStore store, RetryCoordinator coordinator, TaskExecutor executor) {
        this.store = store;
        this.coordinator = coordinator;
        this.executor = executor;
        this.notes = new NotesPrefetch(executor);
        // Store listeners run on whichever thread changed the store (often a save in the background).
        this.subscription = store.subscribe(() -> executor.onUiThread(this::reload));
        reload();
    }

    private void reload() {
        conflicts.setAll(store.conflicts().stream()
                .sorted(Comparator.comparing(Conflict::createdAt).reversed()).toList());
        pending.setAll(store.pending().stream()
                .sorted(Comparator.comparing(PendingEdit::createdAt).reversed()).toList());
        notes.keepFor(conflicts);
    }

    /** A dialog model for {@code conflict}, from the store's newest copy of it (it may have been refreshed). */
    public ConflictDialogViewModel dialogFor(Conflict conflict) {
        Conflict newest = store.conflict(conflict.conflictId()).orElse(conflict);
        // Opens with its rows filled when the notes were merged ahead; otherwise it merges them itself first.
        return new ConflictDialogViewModel(newest, coordinator::resolve, executor, notes.readyFor(newest).orElse(null));
    }

    /** Called by the view when a dialog opened from here has saved. */
    public void resolved(String notice) {
        this.notice.set(notice);
    }

    /** Sends a pending edit again (same idempotency key) off the FX thread. */
    public void retry(PendingEdit edit) {
        retrying.set(true);
        notice.set(lang("inbox.retrying", ConflictSummary.of(edit).record()));
        executor.run(() -> coordinator.retryPending(edit.pendingId()), outcome -> {
            retrying.set(false);
            notice.set(describe(ConflictSummary.of(edit).record(), outcome));
        }, e -> {
            LOG.warn("retrying pending edit {} failed", edit.pendingId(), e);
            retrying.set(false);
            notice.set(lang("inbox.retryFailed", Problems.describe(e)));
        });
    }

    static String describe(String record, SaveOutcome outcome) {
        if (outcome instanceof SaveOutcome.Saved s) {
            String version = String.valueOf(s.entity().version());
            return s.mergedFromOthers().isEmpty() ? lang("inbox.savedRecord", record, version)
                    : lang("inbox.savedMerged", record, version, Localization.andList(s.mergedFromOthers().stream()
                            .map(m -> lang("inbox.mergedChange", People.displayName(m.changedBy()),
                                    DomainWords.fieldInSentence(s.entity().kind(), m.field())))
                            .toList()));
        }
        if (outcome instanceof SaveOutcome.NeedsResolution) {
            return lang("inbox.nowConflict", record);
        }
        if (outcome instanceof SaveOutcome.Pending p) {
            return lang("inbox.stillUnreachable", ReasonWords.of(p.reason()));
        }
        SaveOutcome.Failed f = (SaveOutcome.Failed) outcome;
        return lang("inbox.notSaved", ReasonWords.of(f.reason()));
    }

    public ObservableList<Conflict> conflicts() {
        return readOnlyConflicts;
    }

    public ObservableList<PendingEdit> pending() {
        return readOnlyPending;
    }

    /** For the status bar: how many conflicts wait for a person. */
    public IntegerBinding unresolvedCountBinding() {
        return unresolvedCount;
    }

    /** The last thing that happened here: a saved resolution, a retry's outcome. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty retryingProperty() {
        return retrying.getReadOnlyProperty();
    }

    @Override
    public void close() {
        try {
            subscription.close();
        } catch (Exception e) {
            LOG.warn("could not unsubscribe the inbox from the conflict store", e);
        }
    }
}
