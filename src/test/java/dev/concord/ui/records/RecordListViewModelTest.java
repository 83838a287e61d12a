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
        assertThat(vm.items()).extracting(RecordRow::id).doesNotHaveDuplicates();
        assertThat(vm.hasMoreProperty().get()).isFalse();
    }

    @Test
    void searchAndStatusFilterNarrowTheList() {
        seed(10);
        RecordListViewModel vm = new RecordListViewModel(EntityKind.SUBSCRIPTION, api, new CurrentThreadTaskExecutor());

        vm.statusFilterProperty().set("paused");
        assertThat(vm.items()).hasSize(5);

        vm.searchProperty().set("grace 4");
        assertThat(vm.items()).extracting(RecordRow::id).containsExactly("sub_004");
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

        assertThat(vm.items()).extracting(RecordRow::id).containsExactly("sub_006");
    }

    @Test
    void aSavedRecordReplacesItsRowInPlace() {
        seed(3);
        RecordListViewModel vm = new RecordListViewModel(EntityKind.SUBSCRIPTION, api, new CurrentThreadTaskExecutor());
        vm.refresh();
        Entity saved = Records.next(vm.whole(vm.items().get(1)).orElseThrow(), "bob", Map.of("notes", "new"));

        vm.replace(saved);

        assertThat(vm.items().get(1).id()).isEqualTo(saved.id());
        assertThat(vm.items().get(1).version()).isEqualTo(saved.version());
        assertThat(vm.whole(vm.items().get(1))).containsSame(saved);
        assertThat(vm.items()).hasSize(3);
    }

    @Test
    void rowsKeepWhatTheTableShowsAndOnlyTheFirstPageIsKeptWhole() {
        seed(RecordListViewModel.PAGE_SIZE + 5);
        RecordListViewModel vm = new RecordListViewModel(EntityKind.SUBSCRIPTION, api, new CurrentThreadTaskExecutor());
        vm.refresh();
        vm.loadMore();

        RecordRow first = vm.items().get(0);
        Entity record = api.current(EntityKind.SUBSCRIPTION, first.id());
        assertThat(first.value("customerName")).isEqualTo(record.values().get("customerName"));
        assertThat(first.value("amount")).isEqualTo(record.values().get("amount"));
        assertThat(first.value("currency")).isEqualTo(record.values().get("currency"));
        assertThat(first.value("notes")).as("notes are not listed").isNull();
        assertThat(first.version()).isEqualTo(record.version());
        assertThat(vm.whole(first)).contains(record);
        assertThat(vm.whole(vm.items().get(RecordListViewModel.PAGE_SIZE + 1)))
                .as("a later page's record is fetched when opened").isEmpty();
    }

    @Test
    void aFailedLoadSaysWhatCouldNotBeLoaded() {
        api.setReachable(false);
        RecordListViewModel vm = new RecordListViewModel(EntityKind.PLAN, api, new CurrentThreadTaskExecutor());

        vm.refresh();

        assertThat(vm.errorProperty().get()).isEqualTo("Could not load plans: the server could not be reached");
        assertThat(vm.statusChoices()).as("plans have no status").isEmpty();
    }

    @Test
    void aFirstPageAskedForEarlierIsShownWithoutAskingAgain() {
        seed(RecordListViewModel.PAGE_SIZE + 5);
        var asked = java.util.concurrent.CompletableFuture.completedFuture(
                api.list(EntityKind.SUBSCRIPTION, RecordListViewModel.firstPageQuery()));
        int callsBefore = api.listCalls();
        RecordListViewModel vm = new RecordListViewModel(EntityKind.SUBSCRIPTION, api, new CurrentThreadTaskExecutor());

        vm.refreshFrom(asked);

        assertThat(api.listCalls()).isEqualTo(callsBefore);
        assertThat(vm.items()).extracting(RecordRow::id).first().isEqualTo("sub_001");
        assertThat(vm.items()).hasSize(RecordListViewModel.PAGE_SIZE);
        assertThat(vm.hasMoreProperty().get()).isTrue();
        vm.loadMore();
        assertThat(vm.items()).hasSize(RecordListViewModel.PAGE_SIZE + 5);
    }

    @Test
    void aFirstPageThatFailedShowsTheFailureAsAnAskedPageWould() {
        RecordListViewModel vm = new RecordListViewModel(EntityKind.SUBSCRIPTION, api, new CurrentThreadTaskExecutor());

        java.io.IOException refused = new java.io.IOException("connection refused");

        vm.refreshFrom(java.util.concurrent.CompletableFuture.failedFuture(refused));

        assertThat(vm.answeredProperty().get()).isTrue();
        assertThat(vm.loadingProperty().get()).isFalse();
        assertThat(vm.errorProperty().get()).isNotEmpty().contains(dev.concord.ui.common.Problems.describe(refused));
    }

    @Test
    void aSearchTypedBeforeTheEarlyPageArrivesAsksAfresh() {
        seed(10);
        RecordListViewModel vm = new RecordListViewModel(EntityKind.SUBSCRIPTION, api, new CurrentThreadTaskExecutor());
        vm.searchProperty().set("grace 4");

        vm.refreshFrom(java.util.concurrent.CompletableFuture.completedFuture(
                api.list(EntityKind.SUBSCRIPTION, RecordListViewModel.firstPageQuery())));

        assertThat(vm.items()).extracting(RecordRow::id).containsExactly("sub_004");
    }
}
