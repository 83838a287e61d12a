package dev.concord.ui.records;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concord.domain.Entity;
import dev.concord.domain.EntityKind;
import dev.concord.ui.common.CurrentThreadTaskExecutor;
import dev.concord.testing.FakeConcordApi;
import dev.concord.ui.testing.QueuedTaskExecutor;
import dev.concord.ui.testing.Records;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordListViewModelTest {
    private final FakeConcordApi api = new FakeConcordApi("alice");

    private void seed(int count) {
        for (int i = 1; i <= count; i++) {
            Entity e = Records.subscription(String.format("sub_%03d", i), 1);
            if (i % 2 == 0) {
                e = e.withValues(e.values().with("status", "paused").with("customerName", "Grace " + i));
            }
            api.put(e);
        }
    }

    @Test
    void refreshShowsTheFirstPageAndOffersMore() {
        seed(RecordListViewModel.PAGE_SIZE + 5);
        RecordListViewModel vm = new RecordListViewModel(EntityKind.SUBSCRIPTION, api, new CurrentThreadTaskExecutor());

        vm.refresh();

        assertThat(vm.items()).hasSize(RecordListViewModel.PAGE_SIZE);
        assertThat(vm.hasMoreProperty().get()).isTrue();
    }

    @Test
    void loadMoreAppendsTheNextPageUntilTheLast() {
        seed(RecordListViewModel.PAGE_SIZE + 5);
        RecordListViewModel vm = new RecordListViewModel(EntityKind.SUBSCRIPTION, api, new CurrentThreadTaskExecutor());
        vm.refresh();

        vm.loadMore();

        assertThat(vm.items()).hasSize(RecordListViewModel.PAGE_SIZE + 5);
        assertThat(vm.items()).extracting(Entity::id).doesNotHaveDuplicates();
        assertThat(vm.hasMoreProperty().get()).isFalse();
    }

    @Test
    void searchAndStatusFilterNarrowTheList() {
        seed(10);
        RecordListViewModel vm = new RecordListViewModel(EntityKind.SUBSCRIPTION, api, new CurrentThreadTaskExecutor());

        vm.statusFilterProperty().set("paused");
        assertThat(vm.items()).hasSize(5);

        vm.searchProperty().set("grace 4");
        assertThat(vm.items()).extracting(Entity::id).containsExactly("sub_004");
    }

    @Test
    void anAnswerToAnOlderSearchDoesNotOverwriteTheNewerOne() {
        seed(10);
        QueuedTaskExecutor executor = new QueuedTaskExecutor();
        RecordListViewModel vm = new RecordListViewModel(EntityKind.SUBSCRIPTION, api, executor);
        vm.searchProperty().set("sub_00");
        vm.searchProperty().set("grace 6");

        executor.finish(1);
        executor.finish(0);

        assertThat(vm.items()).extracting(Entity::id).containsExactly("sub_006");
    }

    @Test
    void aSavedRecordReplacesItsRowInPlace() {
        seed(3);
        RecordListViewModel vm = new RecordListViewModel(EntityKind.SUBSCRIPTION, api, new CurrentThreadTaskExecutor());
        vm.refresh();
        Entity saved = Records.next(vm.items().get(1), "bob", Map.of("notes", "new"));

        vm.replace(saved);

        assertThat(vm.items().get(1)).isSameAs(saved);
        assertThat(vm.items()).hasSize(3);
    }

    @Test
    void aFailedLoadSaysWhatCouldNotBeLoaded() {
        api.setReachable(false);
        RecordListViewModel vm = new RecordListViewModel(EntityKind.PLAN, api, new CurrentThreadTaskExecutor());

        vm.refresh();

        assertThat(vm.errorProperty().get()).isEqualTo("Could not load plans: Connection refused");
        assertThat(vm.statusChoices()).as("plans have no status").isEmpty();
    }
}
