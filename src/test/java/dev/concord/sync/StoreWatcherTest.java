package dev.concord.sync;

import dev.concord.sync.Reason;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.concord.domain.EntityKind;
import dev.concord.domain.FieldValues;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console's store sees what another program writes to the file, without anyone calling refresh. */
class StoreWatcherTest {
    @TempDir
    Path dir;

    @Test
    void aPendingEditWrittenByTheCommandLineReachesTheConsolesStoreAndItsListeners() {
        Path file = dir.resolve("alice").resolve("conflicts.json");
        ConflictStore console = new ConflictStore(file);
        AtomicInteger told = new AtomicInteger();
        console.subscribe(told::incrementAndGet);
        try (StoreWatcher ignored = StoreWatcher.start(console)) {
            // Another process in effect: its own instance, its own write.
            ConflictStore cli = new ConflictStore(file);
            cli.putPending(new PendingEdit("p-cli", EntityKind.SUBSCRIPTION, "sub_0042", null,
                    FieldValues.of(Map.of("notes", "typed in a terminal")), "key-1", Instant.now(), Reason.of(Reason.Code.UNREACHABLE, "server down")));

            await().atMost(Duration.ofSeconds(10)).until(() -> !console.pending().isEmpty());
            assertThat(console.pending()).extracting(PendingEdit::pendingId).containsExactly("p-cli");
            await().atMost(Duration.ofSeconds(10)).until(() -> told.get() > 0);

            cli.removePending("p-cli");
            await().atMost(Duration.ofSeconds(10)).until(() -> console.pending().isEmpty());
        }
    }
}
