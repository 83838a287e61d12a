package dev.concord.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The event reader is woken at most once per gap, and never misses a write (issue 16). */
class WriteNudgesTest {
    private static final long GAP_MS = 10;
    private final AtomicInteger nudges = new AtomicInteger();
    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private final List<Runnable> scheduled = new ArrayList<>();
    private final List<Long> delays = new ArrayList<>();
    private final WriteNudges writes = new WriteNudges(nudges::incrementAndGet, (task, delay) -> {
        scheduled.add(task);
        delays.add(delay);
    }, GAP_MS, clock::get);

    @Test
    void aWriteAfterAQuietSpellWakesTheReaderAtOnce() {
        writes.committed(null);
        assertThat(nudges).hasValue(1);
        assertThat(scheduled).isEmpty();
    }

    @Test
    void writesWithinTheGapShareOneWakeUpWhenTheGapHasPassed() {
        writes.committed(null);
        advanceMillis(2);
        writes.committed(null);
        advanceMillis(3);
        writes.committed(null);
        writes.committed(null);
        assertThat(nudges).as("only the first write woke the reader at once").hasValue(1);
        assertThat(scheduled).as("one wake-up scheduled for all that followed").hasSize(1);
        assertThat(delays.get(0)).isEqualTo(TimeUnit.MILLISECONDS.toNanos(GAP_MS - 2));

        advanceMillis(5);
        runScheduled();
        assertThat(nudges).as("the scheduled wake-up covers every write before it").hasValue(2);
    }

    @Test
    void aWriteWhileAWakeUpIsDueIsCoveredByItAndTheNextQuietWriteWakesAtOnce() {
        writes.committed(null);
        advanceMillis(1);
        writes.committed(null);
        advanceMillis(20);
        writes.committed(null); // the gap has passed, but a wake-up is still due: it covers this write too
        assertThat(nudges).hasValue(1);
        runScheduled();
        assertThat(nudges).hasValue(2);

        advanceMillis(GAP_MS);
        writes.committed(null);
        assertThat(nudges).hasValue(3);
        assertThat(scheduled).isEmpty();
    }

    @Test
    void gapZeroWakesTheReaderForEveryWrite() {
        WriteNudges everyWrite = new WriteNudges(nudges::incrementAndGet, (task, delay) -> scheduled.add(task), 0, clock::get);
        for (int i = 0; i < 5; i++) {
            everyWrite.committed(null);
        }
        assertThat(nudges).hasValue(5);
        assertThat(scheduled).isEmpty();
    }

    private void advanceMillis(long ms) {
        clock.addAndGet(TimeUnit.MILLISECONDS.toNanos(ms));
    }

    private void runScheduled() {
        List<Runnable> due = new ArrayList<>(scheduled);
        scheduled.clear();
        due.forEach(Runnable::run);
    }
}
