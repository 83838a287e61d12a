package dev.concord.ui.live;

import dev.concord.api.ChangeEvent;
import dev.concord.api.HistoryEntry;
import dev.concord.domain.EntityKind;
import dev.concord.ui.common.TaskExecutor;
import dev.concord.ui.main.ConsoleViewModel;
import dev.concord.ui.records.RecordListViewModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a console's table rows up to date as records change on the server: a listed record that moved is fetched
 * off the FX thread and put in its row (the table keeps its selection); a retired one leaves its list.
 */
final class LiveRows {
    private static final Logger LOG = LoggerFactory.getLogger(LiveRows.class);

    private final ConsoleViewModel console;
    private final TaskExecutor executor;

    LiveRows(ConsoleViewModel console, TaskExecutor executor) {
        this.console = console;
        this.executor = executor;
    }

    /** A record changed: its row, if a list shows it at an older version, follows. */
    void changed(ChangeEvent event) {
        EntityKind.fromPath(event.entity()).ifPresent(kind -> refreshRow(console.list(kind), event));
    }

    private void refreshRow(RecordListViewModel list, ChangeEvent event) {
        if (HistoryEntry.DELETE.equals(event.kind())) {
            // Retired: there is nothing to fetch, the row goes.
            list.remove(event.id());
            return;
        }
        boolean listed = list.items().stream().anyMatch(r -> r.id().equals(event.id()) && r.version() < event.version());
        if (listed) {
            executor.run(() -> console.services().api().get(list.kind(), event.id()), list::replace,
                    failure -> LOG.warn("could not refresh row {}", event.id(), failure));
        }
    }
}
