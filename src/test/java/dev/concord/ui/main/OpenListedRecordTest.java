package dev.concord.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concord.domain.Entity;
import dev.concord.domain.EntityKind;
import dev.concord.ui.records.RecordListViewModel;
import dev.concord.ui.records.RecordRow;
import dev.concord.testing.FakeConcordApi;
import dev.concord.ui.testing.NoConflicts;
import dev.concord.ui.testing.QueuedTaskExecutor;
import dev.concord.ui.testing.Records;
import org.junit.jupiter.api.Test;

/** A list row holds only what the table shows: the editor opens on the whole record, fetched if need be. */
class OpenListedRecordTest {
    private final FakeConcordApi api = new FakeConcordApi("alice");
    private final QueuedTaskExecutor executor = new QueuedTaskExecutor();
    private final ConsoleViewModel vm = new ConsoleViewModel(new ConsoleServices("http://fake", api, (base, mine) -> {
        throw new AssertionError("nothing is saved here");
    }, new NoConflicts(), executor));

    private RecordListViewModel listOf(int count) {
        for (int i = 1; i <= count; i++) {
            api.put(Records.subscription(String.format("sub_%03d", i), 1).withValues(
                    Records.subscription("x", 1).values().with("notes", "notes of " + i)));
        }
        RecordListViewModel list = vm.list(EntityKind.SUBSCRIPTION);
        list.refresh();
        executor.finishAll();
        return list;
    }

    @Test
    void aRowOfTheFirstPageOpensAtOnceOnTheWholeRecord() {
        RecordListViewModel list = listOf(3);

        vm.open(list.items().get(1));

        // Nothing background has run (the executor holds it all): the editor is there without a fetch.
        assertThat(vm.getEditor()).isNotNull();
        assertThat(vm.getEditor().getBase().values().get("notes")).isEqualTo("notes of 2");
    }

    @Test
    void aRowOfALaterPageOpensOnceItsRecordIsFetchedAndOnlyTheLastClickedOpens() {
        RecordListViewModel list = listOf(60);
        list.loadMore();
        executor.finishAll();
        RecordRow first = list.items().get(55);
        RecordRow second = list.items().get(58);

        vm.open(first);
        vm.open(second);
        assertThat(vm.getEditor()).as("nothing shown before the record arrives").isNull();
        executor.finish(1);
        executor.finish(0);

        Entity shown = vm.getEditor().getBase();
        assertThat(shown.id()).isEqualTo(second.id());
        assertThat(shown.values().get("notes")).isEqualTo("notes of 59");
    }
}
