package dev.concord.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concord.api.Dependents;
import dev.concord.client.ValidationFailedException;
import dev.concord.domain.Entity;
import dev.concord.domain.EntityKind;
import dev.concord.ui.common.CurrentThreadTaskExecutor;
import dev.concord.ui.common.NoticeLevel;
import dev.concord.ui.editor.EditorViewModel;
import dev.concord.testing.FakeConcordApi;
import dev.concord.ui.testing.NoConflicts;
import dev.concord.ui.testing.Records;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** File > Retire: the open record is retired at the version the agent sees, never at a newer one. */
class RetireRecordTest {
    private final FakeConcordApi api = new FakeConcordApi("alice");
    private final ConsoleViewModel vm = new ConsoleViewModel(new ConsoleServices("http://fake", api, (base, mine) -> {
        throw new AssertionError("retiring sends no edit");
    }, new NoConflicts(), new CurrentThreadTaskExecutor()));

    @Test
    void theOpenRecordIsRetiredAndLeavesTheListAndTheEditor() {
        Entity record = Records.subscription("sub_0001", 3);
        api.put(record);
        vm.list(EntityKind.SUBSCRIPTION).refresh();
        List<EditorViewModel> evicted = new ArrayList<>();
        vm.addEditorEvictedListener(evicted::add);
        vm.open(record);
        EditorViewModel editor = vm.getEditor();

        vm.retireCurrent();

        assertThat(vm.getEditor()).isNull();
        assertThat(evicted).containsExactly(editor);
        assertThat(vm.list(EntityKind.SUBSCRIPTION).items()).extracting(dev.concord.ui.records.RecordRow::id).doesNotContain("sub_0001");
        assertThat(vm.status().liveProperty().get()).contains("Retired subscription sub_0001 (v4)");
    }

    @Test
    void aRecordChangedSinceItWasOpenedIsNotRetiredAndTheEditorShowsTheNewVersion() {
        Entity seen = Records.subscription("sub_0002", 3);
        api.put(seen);
        vm.open(seen);
        Entity newer = Records.subscription("sub_0002", 4);
        api.put(newer);

        vm.retireCurrent();

        EditorViewModel editor = vm.getEditor();
        assertThat(editor).isNotNull();
        assertThat(editor.getBase().version()).isEqualTo(4);
        assertThat(editor.noticeLevelProperty().get()).isEqualTo(NoticeLevel.WARNING);
        assertThat(editor.noticeProperty().get()).contains("Not retired").contains("version 3");
        assertThat(api.current(EntityKind.SUBSCRIPTION, "sub_0002")).isNotNull();
    }

    @Test
    void aDraftOfANewRecordCannotBeRetired() {
        vm.openNew(EntityKind.PLAN);

        assertThat(vm.canRetireCurrent()).isFalse();
        vm.retireCurrent();
        assertThat(vm.getEditor().noticeProperty().get()).isEmpty();
    }

    @Test
    void aRetireThatCannotReachTheServerSaysSoAndKeepsTheRecordOpen() {
        Entity record = Records.subscription("sub_0003", 1);
        api.put(record);
        vm.open(record);
        api.setReachable(false);

        vm.retireCurrent();

        assertThat(vm.getEditor().getBase()).isEqualTo(record);
        assertThat(vm.getEditor().noticeProperty().get()).startsWith("Not retired: the server could not be reached");
    }

    @Test
    void aRetireRefusedBecauseRecordsReferToItNamesThemAndKeepsTheRecordOpen() {
        Entity plan = Records.plan("plan_gold", 2);
        api.put(plan);
        vm.open(plan);
        api.script(new FakeConcordApi.Fail(new ValidationFailedException(409, "HAS_DEPENDENTS",
                "This plan cannot be retired while live records point to it", List.of(),
                List.of(new Dependents("subscriptions", "planId", 23, List.of("sub_0004", "sub_0009"))))));

        vm.retireCurrent();

        assertThat(vm.getEditor().getBase()).isEqualTo(plan);
        assertThat(vm.getEditor().noticeLevelProperty().get()).isEqualTo(NoticeLevel.ERROR);
        assertThat(vm.getEditor().noticeProperty().get()).isEqualTo("Not retired: live records still refer to it: "
                + "subscriptions sub_0004, sub_0009 and 21 more. Retire or move them first");
        assertThat(api.current(EntityKind.PLAN, "plan_gold")).isNotNull();
    }
}
