package dev.concord.ui.conflict;

import dev.concord.sync.Reason;
import static org.assertj.core.api.Assertions.assertThat;

import dev.concord.api.FieldError;
import dev.concord.domain.FieldValues;
import dev.concord.sync.Conflict;
import dev.concord.sync.PendingEdit;
import dev.concord.sync.SaveOutcome;
import dev.concord.ui.common.CurrentThreadTaskExecutor;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConflictDialogViewModelTest {
    private final ScriptedSaver saver = new ScriptedSaver();
    private final Conflict conflict = Conflicts.statusAndNotes();
    private final ConflictDialogViewModel vm =
            new ConflictDialogViewModel(conflict, saver, new CurrentThreadTaskExecutor());

    @Test
    void theNotesMergeIsBuiltOffTheUiThreadAndTheDialogWaitsForIt() {
        dev.concord.ui.testing.HeldComputeExecutor held = new dev.concord.ui.testing.HeldComputeExecutor();
        ConflictDialogViewModel waiting = new ConflictDialogViewModel(conflict, saver, held);

        assertThat(held.held()).as("the merge waits for a background thread").isEqualTo(1);
        assertThat(waiting.loadingProperty().get()).isTrue();
        assertThat(waiting.canSaveBinding().get()).isFalse();
        assertThat(waiting.rowFor("notes").getTextMerge()).isNull();

        held.release();

        assertThat(waiting.loadingProperty().get()).isFalse();
        assertThat(waiting.rowFor("notes").getTextMerge()).isNotNull();
        assertThat(waiting.rowFor("status").isConflicting()).isTrue();
        assertThat(waiting.titleProperty().get()).endsWith("2 conflicting fields");
    }

    @Test
    void rowsShowOriginalYoursAndTheirsPerField() {
        FieldRow status = vm.rowFor("status");
        assertThat(status.baseTextProperty().get()).isEqualTo("active");
        assertThat(status.mineTextProperty().get()).isEqualTo("paused");
        assertThat(status.theirsTextProperty().get()).isEqualTo("cancelled");
        assertThat(status.isConflicting()).isTrue();
        assertThat(vm.theirsCaptionProperty().get()).startsWith("Bob, ").endsWith("(v5)");
    }

    @Test
    void onlyChangedFieldsAreVisibleUntilAllAreShown() {
        assertThat(vm.visibleRows()).extracting(FieldRow::field)
                .containsExactly("customerEmail", "status", "tags", "notes");
        vm.showAllFieldsProperty().set(true);
        assertThat(vm.visibleRows()).hasSize(11);
    }

    @Test
    void conflictsStartUndecidedAndBlockSaving() {
        assertThat(vm.rowFor("status").getDecision()).isEqualTo(Decision.UNDECIDED);
        assertThat(vm.rowFor("notes").getDecision()).isEqualTo(Decision.UNDECIDED);
        assertThat(vm.undecidedCountBinding().get()).isEqualTo(2);
        assertThat(vm.canSaveBinding().get()).isFalse();
    }

    @Test
    void oneSidedChangesAreMergedWithoutAsking() {
        assertThat(vm.rowFor("customerEmail").getDecision()).isEqualTo(Decision.MERGED);
        assertThat(vm.resolution().get("customerEmail")).isEqualTo("billing@acme.example");
        assertThat(vm.resolution().get("tags")).isEqualTo(Set.of("callback", "vip"));
    }

    @Test
    void decisionsChangeTheResultAndEnableSaving() {
        vm.takeTheirs("status");
        assertThat(vm.canSaveBinding().get()).isFalse();
        vm.takeMine("notes");

        assertThat(vm.canSaveBinding().get()).isTrue();
        FieldValues result = vm.resolution();
        assertThat(result.get("status")).isEqualTo("cancelled");
        assertThat(result.get("notes")).isEqualTo("Called on Monday.\nWants invoices by email.\nPrefers German.");
        assertThat(vm.rowFor("notes").resultTextProperty().get()).isEqualTo(result.get("notes"));
    }

    @Test
    void allMineDecidesEveryConflictButKeepsTheirOneSidedChanges() {
        vm.takeAllMine();

        assertThat(vm.canSaveBinding().get()).isTrue();
        assertThat(vm.resolution().get("status")).isEqualTo("paused");
        assertThat(vm.resolution().get("customerEmail")).isEqualTo("billing@acme.example");
    }

    @Test
    void allTheirsDecidesEveryConflictButKeepsMyOneSidedChanges() {
        vm.takeAllTheirs();

        assertThat(vm.resolution().get("status")).isEqualTo("cancelled");
        assertThat(vm.resolution().get("notes")).isEqualTo(conflict.theirs().values().get("notes"));
        assertThat(vm.resolution().get("tags")).isEqualTo(Set.of("callback", "vip"));
    }

    @Test
    void acceptAllNonConflictingRestoresMergedValuesAndLeavesConflictsAlone() {
        vm.takeMine("customerEmail");
        vm.takeMine("status");
        assertThat(vm.resolution().get("customerEmail")).isEqualTo("ops@acme.example");

        vm.acceptAllNonConflicting();

        assertThat(vm.resolution().get("customerEmail")).isEqualTo("billing@acme.example");
        assertThat(vm.rowFor("status").getDecision()).isEqualTo(Decision.MINE);
    }

    @Test
    void typedResultIsValidatedAtTheRow() {
        vm.takeAllTheirs();
        vm.editResult("amount", "-5");

        FieldRow amount = vm.rowFor("amount");
        assertThat(amount.getError()).contains("Amount").contains("negative");
        assertThat(vm.canSaveBinding().get()).isFalse();

        vm.editResult("amount", "12.5");
        assertThat(amount.getError()).isEmpty();
        assertThat(amount.getDecision()).isEqualTo(Decision.EDITED);
        assertThat(vm.resolution().get("amount")).isEqualTo(new BigDecimal("12.50"));
        assertThat(vm.canSaveBinding().get()).isTrue();
    }

    @Test
    void typedStatusMustBeOneOfTheAllowedValues() {
        vm.editResult("status", "frozen");

        assertThat(vm.rowFor("status").getError()).contains("must be one of");
        vm.editResult("status", "past_due");
        assertThat(vm.rowFor("status").settledBinding().get()).isTrue();
    }

    @Test
    void nextConflictVisitsUndecidedRowsInOrderAndWraps() {
        assertThat(vm.nextConflict()).get().extracting(FieldRow::field).isEqualTo("status");
        assertThat(vm.nextConflict()).get().extracting(FieldRow::field).isEqualTo("notes");
        assertThat(vm.nextConflict()).get().extracting(FieldRow::field).isEqualTo("status");
        vm.takeMine("status");
        assertThat(vm.nextConflict()).get().extracting(FieldRow::field).isEqualTo("notes");
        vm.takeMine("notes");
        assertThat(vm.nextConflict()).isEmpty();
    }

    @Test
    void savingSendsTheResolutionForThisConflictAndMarksItSaved() {
        vm.takeTheirs("status");
        vm.takeMine("notes");
        saver.then(new SaveOutcome.Saved(Conflicts.entity(vm.resolution(), 6, "alice", Conflicts.T0), List.of(), 1));

        vm.saveResolution();

        assertThat(saver.calls).hasSize(1);
        assertThat(saver.calls.get(0).getKey()).isEqualTo("c-1");
        assertThat(saver.calls.get(0).getValue().get("status")).isEqualTo("cancelled");
        assertThat(vm.savedProperty().get()).isNotNull();
        assertThat(vm.messageProperty().get()).isEqualTo("Saved (v6)");
        assertThat(vm.canSaveBinding().get()).isFalse();
    }

    @Test
    void saveIsRefusedWhileConflictsAreUndecided() {
        vm.saveResolution();

        assertThat(saver.calls).isEmpty();
    }

    @Test
    void recordMovedAgainRefreshesWithNewTheirsKeepingDecisionsThatStillApply() {
        vm.takeTheirs("status");
        vm.takeMine("notes");
        FieldValues base = conflict.base().values();
        FieldValues newTheirs = conflict.theirs().values().with("status", "past_due");
        Conflict moved = Conflicts.conflict(base, base.withAll(conflict.mine().asMap()), newTheirs, 7,
                List.of("status", "notes"));
        saver.then(new SaveOutcome.NeedsResolution(moved));

        vm.saveResolution();

        FieldRow status = vm.rowFor("status");
        assertThat(status.theirsTextProperty().get()).isEqualTo("past_due");
        assertThat(status.getDecision()).isEqualTo(Decision.UNDECIDED);
        assertThat(status.changedAgainProperty().get()).isTrue();
        assertThat(vm.rowFor("notes").getDecision()).isEqualTo(Decision.MINE);
        assertThat(vm.savedProperty().get()).isNull();
        assertThat(vm.theirsCaptionProperty().get()).endsWith("(v7)");
        assertThat(vm.messageProperty().get()).contains("Bob changed this record again (v7)");

        vm.takeTheirs("status");
        saver.then(new SaveOutcome.Saved(Conflicts.entity(vm.resolution(), 8, "alice", Conflicts.T0), List.of(), 1));
        vm.saveResolution();
        assertThat(saver.calls.get(1).getValue().get("status")).isEqualTo("past_due");
        assertThat(saver.calls.get(1).getValue().get("notes")).isEqualTo(conflict.mine().get("notes"));
    }

    @Test
    void typedResultSurvivesARefresh() {
        vm.editResult("status", "trialing");
        vm.takeMine("notes");
        saver.then(new SaveOutcome.NeedsResolution(Conflicts.conflict(conflict.base().values(),
                conflict.base().values().withAll(conflict.mine().asMap()),
                conflict.theirs().values().with("status", "expired"), 7, List.of("status", "notes"))));

        vm.saveResolution();

        assertThat(vm.rowFor("status").getDecision()).isEqualTo(Decision.EDITED);
        assertThat(vm.resolution().get("status")).isEqualTo("trialing");
    }

    @Test
    void pendingSaysTheResolutionWaitsAsAPendingEdit() {
        vm.takeAllMine();
        saver.then(new SaveOutcome.Pending(new PendingEdit("p-1", conflict.kind(), "sub_1", conflict.base(),
                conflict.mine(), "key", Conflicts.T0, Reason.of(Reason.Code.UNREACHABLE, "connection refused")), Reason.of(Reason.Code.UNREACHABLE, "connection refused")));

        vm.saveResolution();

        assertThat(vm.messageProperty().get()).startsWith("Not saved yet: the server could not be reached. ")
                .contains("pending edit").doesNotContain("connection refused");
        assertThat(vm.resolution().get("status")).isEqualTo("paused");
        assertThat(vm.handedOffProperty().get()).isTrue();
        assertThat(vm.canSaveBinding().get()).isFalse();
    }

    @Test
    void refusedFieldIsMarkedAtItsRow() {
        vm.takeAllMine();
        saver.then(new SaveOutcome.Failed(Reason.of(Reason.Code.INVALID, "validation failed"),
                List.of(new FieldError("status", "INVALID_VALUE", "Status cannot go back to paused"))));

        vm.saveResolution();

        assertThat(vm.rowFor("status").getError()).isEqualTo("Status has a value the server does not accept");
        assertThat(vm.messageProperty().get()).isEqualTo("Not saved: Status has a value the server does not accept");
        assertThat(vm.canSaveBinding().get()).isFalse();
    }

    @Test
    void crashInTheSaveIsReportedAndNothingIsLost() {
        vm.takeAllMine();
        saver.thenThrow(new java.io.UncheckedIOException("Cannot write the conflict store",
                new java.nio.file.AccessDeniedException("conflicts.json")));

        vm.saveResolution();

        // Worded for the agent (what kind of problem, where the detail is), not Java's message or class names.
        assertThat(vm.messageProperty().get()).contains("a file on this computer could not be read or written")
                .doesNotContain("Exception").doesNotContain("Cannot write");
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.canSaveBinding().get()).isTrue();
    }

    /** A coordinator stand-in that answers each resolve with the next scripted outcome. */
    static final class ScriptedSaver implements ResolutionSaver {
        final List<Map.Entry<String, FieldValues>> calls = new ArrayList<>();
        private final Deque<Object> answers = new ArrayDeque<>();

        void then(SaveOutcome outcome) {
            answers.add(outcome);
        }

        void thenThrow(RuntimeException e) {
            answers.add(e);
        }

        @Override
        public SaveOutcome resolve(String conflictId, FieldValues resolution) {
            calls.add(Map.entry(conflictId, resolution));
            Object next = answers.remove();
            if (next instanceof RuntimeException e) {
                throw e;
            }
            return (SaveOutcome) next;
        }
    }
}
