package dev.concord.ui.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concord.api.HistoryEntry;
import dev.concord.client.PatchCall;
import dev.concord.domain.EntityKind;
import dev.concord.ui.common.CurrentThreadTaskExecutor;
import dev.concord.testing.FakeConcordApi;
import dev.concord.testing.InLanguage;
import dev.concord.ui.testing.Records;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HistoryViewModelTest {
    @Test
    void showsEachChangedFieldWithWhoNewestFirst() {
        FakeConcordApi api = new FakeConcordApi("bob");
        api.put(Records.subscription("sub_1", 1));
        api.patch(PatchCall.of(EntityKind.SUBSCRIPTION, "sub_1", 1, Map.of("status", "paused"), "k1"));
        api.patch(PatchCall.of(EntityKind.SUBSCRIPTION, "sub_1", 2,
                Map.of("tags", java.util.Set.of("a", "vip"), "notes", "n"), "k2"));
        HistoryViewModel vm = new HistoryViewModel(api, new CurrentThreadTaskExecutor());

        vm.show(EntityKind.SUBSCRIPTION, "sub_1");

        assertThat(vm.rows()).extracting(HistoryRow::version, HistoryRow::who, HistoryRow::field,
                        HistoryRow::from, HistoryRow::to)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(3L, "Bob", "Tags", "vip", "a, vip"),
                        org.assertj.core.groups.Tuple.tuple(3L, "Bob", "Notes", "Called on Monday.", "n"),
                        org.assertj.core.groups.Tuple.tuple(2L, "Bob", "Status", "Active", "Paused"));
        assertThat(vm.rows().get(vm.rows().size() - 1).version()).isEqualTo(2);
        assertThat(vm.messageProperty().get()).isEmpty();
    }

    @Test
    @InLanguage("de")
    void aRefusedRetireIsWordedWhileAPersonsReasonIsShownAsTyped() {
        HistoryEntry refused = new HistoryEntry(7, "subscriptions", "sub_1", 4, "bob", Records.T0, HistoryEntry.CONFLICT,
                List.of(), "delete based on version 3");
        HistoryEntry restored = new HistoryEntry(8, "subscriptions", "sub_1", 5, "admin", Records.T0,
                HistoryEntry.RESTORE, List.of(), "Kunde ist zurück");

        List<HistoryRow> rows = HistoryViewModel.toRows(EntityKind.SUBSCRIPTION, List.of(refused, restored));

        // The server's sentence is English, for its log; a person's reason is theirs and shown as typed.
        assertThat(rows).extracting(HistoryRow::to)
                .containsExactly("Archivieren einer älteren Version abgelehnt", "Kunde ist zurück");
    }

    @Test
    void aRecordWithoutChangesSaysSo() {
        FakeConcordApi api = new FakeConcordApi("bob");
        api.put(Records.subscription("sub_1", 1));
        HistoryViewModel vm = new HistoryViewModel(api, new CurrentThreadTaskExecutor());

        vm.show(EntityKind.SUBSCRIPTION, "sub_1");

        assertThat(vm.rows()).isEmpty();
        assertThat(vm.messageProperty().get()).isEqualTo("No changes since sub_1 was created");
        assertThat(List.copyOf(vm.rows())).isEmpty();
    }
}
