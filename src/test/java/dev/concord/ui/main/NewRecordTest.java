package dev.concord.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concord.domain.Entity;
import dev.concord.domain.EntityKind;
import dev.concord.ui.common.CurrentThreadTaskExecutor;
import dev.concord.ui.editor.EditorViewModel;
import dev.concord.ui.editor.FieldModel;
import dev.concord.testing.FakeConcordApi;
import dev.concord.ui.testing.NoConflicts;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** File > New: an empty editor whose Save creates the record, which then opens like any other. */
class NewRecordTest {
    private final FakeConcordApi api = new FakeConcordApi("alice");
    private final ConsoleViewModel vm = new ConsoleViewModel(new ConsoleServices("http://fake", api, (base, mine) -> {
        throw new AssertionError("a new record is created, not patched");
    }, new NoConflicts(), new CurrentThreadTaskExecutor()));

    @SuppressWarnings("unchecked")
    private static void fill(EditorViewModel editor, Map<String, Object> inputs) {
        inputs.forEach((name, value) -> ((FieldModel<Object>) editor.field(name).orElseThrow()).inputProperty().set(value));
    }

    private static final Map<String, Object> SUBSCRIPTION = Map.of("customerName", "Ada New",
            "customerEmail", "ada@example.com", "planId", "plan_basic", "status", "active", "amount", "9.99",
            "currency", "EUR", "billingCycle", "monthly");

    @Test
    void aNewSubscriptionIsSavedAsACreateAndThenOpensAsTheRecord() {
        vm.openNew(EntityKind.SUBSCRIPTION);
        EditorViewModel draft = vm.getEditor();
        assertThat(draft.titleProperty().get()).isEqualTo("New subscription");
        assertThat(draft.canSaveProperty().get()).as("required fields are blank").isFalse();

        fill(draft, SUBSCRIPTION);
        assertThat(draft.canSaveProperty().get()).isTrue();
        draft.save();

        assertThat(api.creates()).singleElement().satisfies(c -> {
            assertThat(c.values()).containsEntry("customerName", "Ada New").containsEntry("tags", java.util.Set.of());
            assertThat(c.id()).isNull();
        });
        EditorViewModel opened = vm.getEditor();
        assertThat(opened).isNotSameAs(draft);
        Entity created = opened.getBase();
        assertThat(created.version()).isEqualTo(1);
        assertThat(opened.titleProperty().get()).isEqualTo("Subscription " + created.id());
        assertThat(api.patches()).isEmpty();
    }

    @Test
    void aCreateThatCouldNotReachTheServerIsSavedAgainWithTheSameKey() {
        vm.openNew(EntityKind.SUBSCRIPTION);
        EditorViewModel draft = vm.getEditor();
        fill(draft, SUBSCRIPTION);
        api.setReachable(false);

        draft.save();

        assertThat(draft.noticeProperty().get()).contains("may or may not have been created");
        assertThat(vm.getEditor()).isSameAs(draft);
        api.setReachable(true);
        draft.save();
        assertThat(vm.getEditor().getBase().version()).isEqualTo(1);
        assertThat(api.list(EntityKind.SUBSCRIPTION, new dev.concord.client.ListQuery(null, null, null, null)).items())
                .hasSize(1);
    }
}
