package dev.concord.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.concord.api.ChangeEvent;
import dev.concord.api.FieldChange;
import dev.concord.api.HistoryEntry;
import dev.concord.domain.EntityKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fan-out below HTTP: a stuck subscriber is dropped cleanly and holds up no one. */
class EventHubTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private Database db;
    private EventHub hub;

    @BeforeEach
    void open() {
        db = new Database(ServerConfig.h2MemoryUrl("hub-" + UUID.randomUUID()), "sa", "");
        db.migrate();
        hub = new EventHub(db, Duration.ofMillis(50), Duration.ofSeconds(30), 5, Duration.ofMillis(500));
        hub.start();
    }

    @AfterEach
    void close() {
        hub.close();
        db.close();
    }

    /** Records events; optionally blocks inside the first send until released, like a client that stopped reading. */
    static final class RecordingSink implements EventSink {
        final List<Long> seqs = new CopyOnWriteArrayList<>();
        final AtomicLong overflowAt = new AtomicLong(-1);
        final CountDownLatch release;

        RecordingSink(CountDownLatch release) {
            this.release = release;
        }

        @Override
        public void send(ChangeEvent event) {
            seqs.add(event.seq());
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void presence(dev.concord.api.Presence presence) {
        }

        @Override
        public void heartbeat() {
        }

        @Override
        public void overflow(long lastDeliveredSeq) {
            overflowAt.set(lastDeliveredSeq);
        }
    }

    private Thread subscribe(Long lastEventId, EventSink sink) {
        Thread t = new Thread(() -> {
            try {
                hub.stream(lastEventId, sink);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }, "test-subscriber");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private void commitWrites(int n) {
        for (int i = 0; i < n; i++) {
            int k = i;
            db.inTransaction(c -> ChangeLog.append(c, EntityKind.SUBSCRIPTION, "sub_0001", k + 2, "alice",
                    Instant.now(), HistoryEntry.UPDATE, List.of(new FieldChange("notes", "a", "b")), null));
            hub.nudge();
        }
    }

    @Test
    void stuckSubscriberIsDroppedAfterItsQueueWhileOthersGetEverything() throws Exception {
        CountDownLatch stuckUntil = new CountDownLatch(1);
        RecordingSink stuck = new RecordingSink(stuckUntil);
        RecordingSink healthy = new RecordingSink(new CountDownLatch(0));
        Thread stuckThread = subscribe(null, stuck);
        subscribe(null, healthy);
        await().atMost(WAIT).pollInterval(Duration.ofMillis(10)).until(() -> hub.subscriberCount() == 2);

        // One at a time, so the healthy subscriber (queue of 5 here) is never more than a burst behind.
        for (int i = 1; i <= 50; i++) {
            commitWrites(1);
            int expected = i;
            await().atMost(WAIT).pollInterval(Duration.ofMillis(10)).until(() -> healthy.seqs.size() == expected);
        }
        assertThat(healthy.seqs).containsExactlyElementsOf(LongStream.rangeClosed(1, 50).boxed().toList());
        assertThat(stuck.seqs).as("blocked in its first send").containsExactly(1L);

        stuckUntil.countDown();
        stuckThread.join(WAIT.toMillis());
        assertThat(stuckThread.isAlive()).as("the dropped stream ended").isFalse();
        // Its queue of 5 was delivered, then the overflow notice naming the last event it got.
        assertThat(stuck.seqs).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(stuck.overflowAt.get()).isEqualTo(6);

        RecordingSink resumed = new RecordingSink(new CountDownLatch(0));
        subscribe(stuck.overflowAt.get(), resumed);
        await().atMost(WAIT).pollInterval(Duration.ofMillis(10)).until(() -> resumed.seqs.size() == 44);
        assertThat(resumed.seqs).containsExactlyElementsOf(LongStream.rangeClosed(7, 50).boxed().toList());
    }

    @Test
    void aRolledBackWriteLeavesAGapThatIsSkippedAfterTheGrace() {
        RecordingSink sink = new RecordingSink(new CountDownLatch(0));
        subscribe(null, sink);
        await().atMost(WAIT).pollInterval(Duration.ofMillis(10)).until(() -> hub.subscriberCount() == 1);
        commitWrites(1);
        try {
            db.inTransaction(c -> {
                ChangeLog.append(c, EntityKind.SUBSCRIPTION, "sub_0001", 3, "bob", Instant.now(), HistoryEntry.UPDATE,
                        List.of(), null);
                throw new java.sql.SQLException("rolled back on purpose");
            });
        } catch (StorageException expected) {
            // the seq it took is gone for good
        }
        commitWrites(1);
        await().atMost(WAIT).pollInterval(Duration.ofMillis(10)).until(() -> sink.seqs.size() == 2);
        assertThat(sink.seqs).containsExactly(1L, 3L);
    }
}
