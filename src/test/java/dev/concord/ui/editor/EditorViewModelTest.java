package dev.concord.ui.editor;

import dev.concord.sync.Reason;
import static org.assertj.core.api.Assertions.assertThat;

import dev.concord.api.FieldError;
import dev.concord.domain.Entity;
import dev.concord.domain.FieldValues;
import dev.concord.merge.FieldConflict;
import dev.concord.sync.Conflict;
import dev.concord.sync.MergedChange;
import dev.concord.sync.PendingEdit;
import dev.concord.sync.SaveOutcome;
import dev.concord.ui.common.CurrentThreadTaskExecutor;
import dev.concord.ui.common.NoticeLevel;
import dev.concord.ui.testing.Records;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class EditorViewModelTest {
    private final Entity base = Records.subscription("sub_1", 7);
    private final List<FieldValues> sent = new ArrayList<>();
    private final List<Entity> sentBases = new ArrayList<>();
    private final List<Conflict> opened = new ArrayList<>();

    private EditorViewModel editor(Function<FieldValues, SaveOutcome> answer) {
        RecordSaver saver = (from, mine) -> {
            sentBases.add(from);
            sent.add(mine);
            return answer.apply(mine);
        };
        return new EditorViewModel(base, saver, new CurrentThreadTaskExecutor(), opened::add);
    }

    private EditorViewModel savedEditor() {
        return editor(mine -> new SaveOutcome.Saved(base.withValues(mine).kind().create(
                new dev.concord.domain.RecordMeta("sub_1", 8, Records.T0, Records.T0, "alice"), mine), List.of(), 1));
    }

    @SuppressWarnings("unchecked")
    private static <T> FieldModel<T> field(EditorViewModel vm, String name) {
        return (FieldModel<T>) vm.field(name).orElseThrow();
    }

    @Test
    void editingOneFieldMarksOnlyThatFieldDirty() {
        EditorViewModel vm = savedEditor();
        FieldModel<String> notes = field(vm, "notes");

        notes.inputProperty().set("Called on Tuesday.");

        assertThat(notes.isDirty()).isTrue();
        assertThat(vm.fields().stream().filter(FieldModel::isDirty).map(FieldModel::name)).containsExactly("notes");
        assertThat(vm.isDirty()).isTrue();
        assertThat(vm.canSaveProperty().get()).isTrue();
    }

    @Test
    void typingTheOriginalValueBackClearsTheDirtyMark() {
        EditorViewModel vm = savedEditor();
        FieldModel<String> amount = field(vm, "amount");

        amount.inputProperty().set("25");
        amount.inputProperty().set("19.9");

        assertThat(amount.isDirty()).as("19.9 is the same amount as 19.90").isFalse();
        assertThat(vm.isDirty()).isFalse();
    }

    @Test
    void revertPutsEveryFieldBackToTheBase() {
        EditorViewModel vm = savedEditor();
        field(vm, "notes").inputProperty().set("changed");
        field(vm, "status").inputProperty().set("paused");
        field(vm, "tags").inputProperty().set(List.of("vip", "churn-risk"));

        vm.revert();

        assertThat(vm.isDirty()).isFalse();
        assertThat(field(vm, "notes").inputProperty().get()).isEqualTo("Called on Monday.");
        assertThat(field(vm, "status").inputProperty().get()).isEqualTo(base.values().get("status"));
        assertThat(field(vm, "tags").inputProperty().get()).isEqualTo(List.of("vip"));
    }

    @Test
    void negativeAmountIsRefusedAtTheFieldAndNeverSent() {
        EditorViewModel vm = savedEditor();
        FieldModel<String> amount = field(vm, "amount");

        amount.inputProperty().set("-5");
        vm.save();

        assertThat(amount.isValid()).isFalse();
        assertThat(amount.getError()).isEqualTo("Amount must not be negative");
        assertThat(vm.canSaveProperty().get()).isFalse();
        assertThat(sent).isEmpty();
        assertThat(vm.noticeLevelProperty().get()).isEqualTo(NoticeLevel.ERROR);
    }

    @Test
    void badCurrencyIsRefusedAtTheFieldAndNeverSent() {
        EditorViewModel vm = savedEditor();
        FieldModel<String> currency = field(vm, "currency");

        currency.inputProperty().set("euro");
        vm.save();

        assertThat(currency.getError()).contains("three-letter ISO 4217 currency code");
        assertThat(sent).isEmpty();
    }

    @Test
    void fixingARefusedFieldClearsItsMessage() {
        EditorViewModel vm = savedEditor();
        FieldModel<String> amount = field(vm, "amount");
        amount.inputProperty().set("abc");

        amount.inputProperty().set("21.50");

        assertThat(amount.getError()).isEmpty();
        assertThat(vm.canSaveProperty().get()).isTrue();
    }

    @Test
    void saveSendsTheBaseAndTheEditedValuesInCanonicalForm() {
        EditorViewModel vm = savedEditor();
        field(vm, "amount").inputProperty().set(" 21.5 ");
        field(vm, "nextBillingDate").inputProperty().set(LocalDate.parse("2027-01-15"));
        field(vm, "cancelAtPeriodEnd").inputProperty().set(true);

        vm.save();

        assertThat(sentBases).containsExactly(base);
        FieldValues mine = sent.get(0);
        assertThat(mine.changedFrom(base.values()))
                .containsExactly("amount", "nextBillingDate", "cancelAtPeriodEnd");
        assertThat(mine.get("amount")).isEqualTo(new BigDecimal("21.50"));
        assertThat(mine.get("nextBillingDate")).isEqualTo(LocalDate.parse("2027-01-15"));
        assertThat(mine.get("cancelAtPeriodEnd")).isEqualTo(true);
    }

    @Test
    void aSavedRecordBecomesTheNewBaseAndTheNoticeGivesItsVersion() {
        EditorViewModel vm = savedEditor();
        List<Entity> savedRows = new ArrayList<>();
        vm.addSavedListener(savedRows::add);
        field(vm, "notes").inputProperty().set("Refund promised.");

        vm.save();

        assertThat(vm.getNotice()).isEqualTo("Saved (v8)");
        assertThat(vm.getBase().version()).isEqualTo(8);
        assertThat(vm.getBase().values().get("notes")).isEqualTo("Refund promised.");
        assertThat(vm.isDirty()).isFalse();
        assertThat(savedRows).extracting(Entity::version).containsExactly(8L);
    }

    @Test
    void aMergedSaveNamesWhoseChangeWasKept() {
        EditorViewModel vm = editor(mine -> {
            Entity theirs = Records.next(base, "bob", Map.of("notes", "Bob's note"));
            Entity saved = Records.next(theirs, "alice", Map.of("status", mine.get("status")));
            return new SaveOutcome.Saved(saved, List.of(new MergedChange("notes", "bob", Instant.now())), 2);
        });
        field(vm, "status").inputProperty().set("paused");

        vm.save();

        assertThat(vm.getNotice()).isEqualTo("Saved, merged with Bob's change to notes (v9)");
        assertThat(vm.getBase().values().get("notes")).isEqualTo("Bob's note");
        assertThat(field(vm, "notes").inputProperty().get()).isEqualTo("Bob's note");
    }

    @Test
    void aTrueConflictIsHandedToTheDialogAndTheEditIsKept() {
        Entity theirs = Records.next(base, "bob", Map.of("status", "cancelled"));
        EditorViewModel vm = editor(mine -> new SaveOutcome.NeedsResolution(new Conflict("c1", base.kind(),
                base.id(), base, mine, theirs, base.values(),
                List.of(new FieldConflict("status", "active", "paused", "cancelled", List.of())), Instant.now())));
        field(vm, "status").inputProperty().set("paused");

        vm.save();

        assertThat(opened).extracting(Conflict::conflictId).containsExactly("c1");
        assertThat(vm.getNotice()).isEqualTo("Bob also changed status: choose what to keep");
        assertThat(vm.isDirty()).isTrue();
        assertThat(vm.getBase().version()).isEqualTo(7);
    }

    @Test
    void anUnreachableServerKeepsTheEditAndSaysWhyAndWhereToRetry() {
        EditorViewModel vm = editor(mine -> new SaveOutcome.Pending(
                new PendingEdit("p1", base.kind(), base.id(), base, mine, "key", Instant.now(), Reason.of(Reason.Code.UNREACHABLE, "refused")),
                Reason.of(Reason.Code.UNREACHABLE, "Cannot reach the server.")));
        field(vm, "notes").inputProperty().set("offline edit");

        vm.save();

        assertThat(vm.getNotice()).isEqualTo(
                "Not saved yet: the server could not be reached. Your edit is kept; retry it from the Conflicts tab.");
        assertThat(vm.noticeLevelProperty().get()).isEqualTo(NoticeLevel.WARNING);
        assertThat(field(vm, "notes").inputProperty().get()).isEqualTo("offline edit");
        assertThat(vm.isDirty()).isTrue();
    }

    @Test
    void aRefusedSaveShowsTheServersReasonAtTheField() {
        EditorViewModel vm = editor(mine -> new SaveOutcome.Failed(Reason.of(Reason.Code.INVALID, "Validation failed"),
                List.of(new FieldError("customerEmail", "INVALID_VALUE", "Customer email is already taken"))));
        field(vm, "customerEmail").inputProperty().set("grace@example.com");

        vm.save();

        // The server's sentence is English, for its log: the console words the field's code.
        assertThat(field(vm, "customerEmail").getError()).isEqualTo("Customer email has a value the server does not accept");
        assertThat(vm.getNotice()).isEqualTo("Not saved: Customer email has a value the server does not accept");
        assertThat(vm.getBase().version()).isEqualTo(7);
    }

    @Test
    void anUnexpectedFailureIsShownNotSwallowed() {
        EditorViewModel vm = editor(mine -> {
            throw new IllegalStateException("disk full");
        });
        field(vm, "notes").inputProperty().set("x");

        vm.save();

        // Shown, in the agent's words; the exception's own (English, maybe a class name) goes to the log.
        assertThat(vm.getNotice()).isEqualTo("Not saved: something unexpected went wrong (the details are in the log)");
        assertThat(vm.savingProperty().get()).isFalse();
    }

    @Test
    void aNewerRecordReplacesAnUneditedEditorSilently() {
        EditorViewModel vm = savedEditor();

        vm.recordMoved(Records.next(base, "bob", Map.of("status", "paused")));

        assertThat(vm.getBase().version()).isEqualTo(8);
        assertThat(field(vm, "status").inputProperty().get()).isEqualTo("paused");
        assertThat(vm.movedOnServerProperty().get()).as("nothing to announce").isNull();
    }

    // What the banner says about a moved record and its Rebase now: ui.live.LiveBannerViewModelTest.
    @Test
    void aNewerRecordUnderUnsavedEditsIsAnnouncedNotApplied() {
        EditorViewModel vm = savedEditor();
        field(vm, "notes").inputProperty().set("my note");
        Entity newer = Records.next(base, "bob", Map.of("status", "paused"));

        vm.recordMoved(newer);

        assertThat(vm.getBase().version()).as("not moved behind the agent's back").isEqualTo(7);
        assertThat(vm.movedOnServerProperty().get()).isEqualTo(newer);
        assertThat(field(vm, "notes").inputProperty().get()).isEqualTo("my note");
        assertThat(field(vm, "status").inputProperty().get()).isEqualTo(base.values().get("status"));

        vm.save();
        assertThat(sentBases).extracting(Entity::version).as("the save still starts from the edited record")
                .containsExactly(7L);
    }

    @Test
    void rebaseOntoMovesTheBaseAndKeepsTheMergedEdits() {
        EditorViewModel vm = savedEditor();
        field(vm, "notes").inputProperty().set("my note");
        Entity newer = Records.next(base, "bob", Map.of("status", "paused"));
        vm.recordMoved(newer);

        vm.rebaseOnto(newer, Map.of("notes", "my note"));

        assertThat(vm.getBase().version()).isEqualTo(8);
        assertThat(vm.movedOnServerProperty().get()).isNull();
        assertThat(field(vm, "status").inputProperty().get()).isEqualTo("paused");
        assertThat(field(vm, "status").isDirty()).isFalse();
        assertThat(field(vm, "notes").inputProperty().get()).isEqualTo("my note");
        assertThat(field(vm, "notes").isDirty()).isTrue();

        vm.save();
        assertThat(sentBases).extracting(Entity::version).as("the save starts from the newer record").containsExactly(8L);
    }

    @Test
    void revertCatchesUpWithTheNewerRecord() {
        EditorViewModel vm = savedEditor();
        field(vm, "notes").inputProperty().set("my note");
        vm.recordMoved(Records.next(base, "bob", Map.of("status", "paused")));

        vm.revert();

        assertThat(vm.getBase().version()).isEqualTo(8);
        assertThat(vm.isDirty()).isFalse();
        assertThat(vm.movedOnServerProperty().get()).isNull();
    }

    @Test
    void oneEditorServesEveryKindFromItsFieldList() {
        for (var kind : dev.concord.domain.EntityKind.values()) {
            Entity record = kind.create(new dev.concord.domain.RecordMeta("x_1", 1, Records.T0, Records.T0, "a"),
                    sampleValues(kind));
            EditorViewModel vm = new EditorViewModel(record, (b, m) -> null, new CurrentThreadTaskExecutor(), c -> {
            });
            assertThat(vm.fields()).extracting(FieldModel::name)
                    .containsExactlyElementsOf(kind.fields().stream().map(f -> f.name()).toList());
            assertThat(vm.isDirty()).as(kind + " opens clean").isFalse();
        }
    }

    private static FieldValues sampleValues(dev.concord.domain.EntityKind kind) {
        return switch (kind) {
            case SUBSCRIPTION -> Records.subscription("x_1", 1).values();
            case PLAN -> FieldValues.of(Map.of("name", "Basic", "tier", "basic", "price", new BigDecimal("9.00"),
                    "currency", "EUR", "billingCycle", "monthly", "features", List.of("a", "b"), "active", true));
            case INVOICE -> {
                Map<String, Object> v = new java.util.LinkedHashMap<>();
                v.put("number", "INV-1");
                v.put("subscriptionId", "sub_1");
                v.put("status", "open");
                v.put("total", new BigDecimal("10.00"));
                v.put("currency", "EUR");
                v.put("dueDate", null);
                v.put("notes", "");
                yield FieldValues.of(v);
            }
        };
    }
}
