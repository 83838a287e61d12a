package dev.concord.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concord.client.Samples;
import dev.concord.domain.BillingCycle;
import dev.concord.domain.EntityKind;
import dev.concord.domain.FieldValues;
import dev.concord.domain.Plan;
import dev.concord.domain.Subscription;
import dev.concord.merge.FieldConflict;
import dev.concord.merge.TextHunk;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConflictStoreTest {
    @TempDir
    Path dir;

    static Conflict sampleConflict(String id) {
        Subscription base = Samples.subscription(7, "active", "a\nb\nc");
        Subscription theirs = Samples.subscription(8, "cancelled", "a\nB theirs\nc");
        FieldValues mine = base.values().with("status", "paused").with("notes", "a\nB mine\nc")
                .with("amount", new BigDecimal("21.50")).with("nextBillingDate", LocalDate.parse("2027-02-28"))
                .with("tags", java.util.Collections.unmodifiableSet(new TreeSet<>(Set.of("vip", "churn-risk"))));
        return new Conflict(id, EntityKind.SUBSCRIPTION, "sub_0001", base, mine, theirs, theirs.values(),
                List.of(new FieldConflict("status", "active", "paused", "cancelled", List.of()),
                        new FieldConflict("notes", "a\nb\nc", "a\nB mine\nc", "a\nB theirs\nc",
                                List.of(new TextHunk(1, List.of("b"), List.of("B mine"), List.of("B theirs"))))),
                Instant.parse("2026-11-29T09:01:02.345Z"));
    }

    static PendingEdit samplePending(String id) {
        Plan plan = new Plan("plan_basic", "Basic", "starter", new BigDecimal("9.00"), "EUR", BillingCycle.MONTHLY,
                List.of("email", "chat"), true, 3, Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2026-02-01T00:00:00Z"), "admin");
        return new PendingEdit(id, EntityKind.PLAN, "plan_basic", plan,
                plan.values().with("price", new BigDecimal("10.00")).with("active", false), "key-" + id,
                Instant.parse("2026-11-29T09:00:00Z"), Reason.of(Reason.Code.UNREACHABLE, "Cannot reach the server"));
    }

    @Test
    void reloadInANewInstanceGivesTheSameContentExactly() {
        Path file = dir.resolve("alice/conflicts.json");
        ConflictStore store = new ConflictStore(file);
        store.putConflict(sampleConflict("c1"));
        store.putPending(samplePending("p1"));

        ConflictStore reloaded = new ConflictStore(file);

        assertThat(reloaded.conflicts()).containsExactly(sampleConflict("c1"));
        assertThat(reloaded.pending()).containsExactly(samplePending("p1"));
        Conflict c = reloaded.conflict("c1").orElseThrow();
        assertThat(c.mine().get("amount")).isEqualTo(new BigDecimal("21.50"));
        assertThat(c.mine().get("nextBillingDate")).isEqualTo(LocalDate.parse("2027-02-28"));
        assertThat(c.mine().get("tags")).isEqualTo(Set.of("vip", "churn-risk"));
        assertThat(((Subscription) c.theirs()).amount().scale()).isEqualTo(2);
    }

    @Test
    void removalsAndReplacementsPersist() {
        Path file = dir.resolve("conflicts.json");
        ConflictStore store = new ConflictStore(file);
        store.putConflict(sampleConflict("c1"));
        store.putConflict(sampleConflict("c2"));
        Conflict refreshed = new Conflict("c1", EntityKind.SUBSCRIPTION, "sub_0001", sampleConflict("c1").base(),
                sampleConflict("c1").mine(), Samples.subscription(9, "expired", "x"),
                Samples.subscription(9, "expired", "x").values(), sampleConflict("c1").conflicts(),
                sampleConflict("c1").createdAt());
        store.putConflict(refreshed);
        store.removeConflict("c2");
        store.putPending(samplePending("p1"));
        store.removePending("p1");

        ConflictStore reloaded = new ConflictStore(file);
        assertThat(reloaded.conflicts()).containsExactly(refreshed);
        assertThat(reloaded.pending()).isEmpty();
    }

    @Test
    void writesLeaveNoTemporaryFilesBehind() throws IOException {
        Path file = dir.resolve("conflicts.json");
        ConflictStore store = new ConflictStore(file);
        store.putConflict(sampleConflict("c1"));
        store.removeConflict("c1");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("conflicts.json", "conflicts.json.lock");
        }
    }

    @Test
    void corruptFileIsMovedAsideAndTheStoreStartsEmpty() throws IOException {
        Path file = dir.resolve("conflicts.json");
        Files.writeString(file, "{\"format\":1,\"conflicts\":[{\"kind\":", StandardCharsets.UTF_8);
        Clock clock = Clock.fixed(Instant.parse("2026-11-29T09:30:00Z"), ZoneOffset.UTC);

        ConflictStore store = new ConflictStore(file, clock);

        assertThat(store.conflicts()).isEmpty();
        assertThat(store.pending()).isEmpty();
        Path aside = dir.resolve("conflicts.json.corrupt-20261129T093000.000Z");
        assertThat(aside).hasContent("{\"format\":1,\"conflicts\":[{\"kind\":");
        assertThat(file).doesNotExist();
        store.putConflict(sampleConflict("c1"));
        assertThat(new ConflictStore(file).conflicts()).hasSize(1);
    }

    @Test
    void wellFormedJsonOfTheWrongShapeCountsAsCorrupt() throws IOException {
        Path file = dir.resolve("conflicts.json");
        Files.writeString(file, "{\"format\":1,\"conflicts\":[{\"kind\":\"spaceships\",\"conflictId\":\"x\"}]}");
        assertThat(new ConflictStore(file).conflicts()).isEmpty();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("conflicts.json.corrupt-"));
        }
    }

    @Test
    void twoStoresOnOneFileKeepEachOthersChanges() {
        // As the console and the command line of one user would: each holds the file in memory.
        Path file = dir.resolve("conflicts.json");
        ConflictStore console = new ConflictStore(file);
        ConflictStore cli = new ConflictStore(file);
        console.putConflict(sampleConflict("c1"));
        cli.putConflict(sampleConflict("c2"));
        cli.putPending(samplePending("p1"));
        console.removeConflict("c1");

        assertThat(new ConflictStore(file).conflicts()).extracting(Conflict::conflictId).containsExactly("c2");
        assertThat(new ConflictStore(file).pending()).extracting(PendingEdit::pendingId).containsExactly("p1");
        assertThat(console.conflicts()).extracting(Conflict::conflictId).containsExactly("c2");
    }

    @Test
    void refreshPicksUpAnotherWritersChangesAndTellsTheListeners() {
        Path file = dir.resolve("conflicts.json");
        ConflictStore console = new ConflictStore(file);
        AtomicInteger calls = new AtomicInteger();
        console.subscribe(calls::incrementAndGet);
        console.refresh();
        assertThat(calls).hasValue(0);

        new ConflictStore(file).putConflict(sampleConflict("from-cli"));
        console.refresh();

        assertThat(calls).hasValue(1);
        assertThat(console.conflict("from-cli")).isPresent();
    }

    @Test
    void listenersHearEveryChangeUntilClosed() throws Exception {
        ConflictStore store = new ConflictStore(dir.resolve("conflicts.json"));
        AtomicInteger calls = new AtomicInteger();
        AutoCloseable handle = store.subscribe(calls::incrementAndGet);
        store.putConflict(sampleConflict("c1"));
        store.putPending(samplePending("p1"));
        handle.close();
        store.removeConflict("c1");
        assertThat(calls).hasValue(2);
    }

    @Test
    void aFailingListenerDoesNotBreakTheChangeOrOtherListeners() {
        ConflictStore store = new ConflictStore(dir.resolve("conflicts.json"));
        AtomicInteger calls = new AtomicInteger();
        store.subscribe(() -> {
            throw new IllegalStateException("listener bug");
        });
        store.subscribe(calls::incrementAndGet);
        store.putConflict(sampleConflict("c1"));
        assertThat(calls).hasValue(1);
        assertThat(store.conflicts()).hasSize(1);
    }

    @Test
    void concurrentWritersLoseNothing() throws Exception {
        Path file = dir.resolve("conflicts.json");
        ConflictStore store = new ConflictStore(file);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<?>> futures = new java.util.ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < 10; i++) {
                        store.putConflict(sampleConflict("c-" + thread + "-" + i));
                        store.putPending(samplePending("p-" + thread + "-" + i));
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : futures) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(store.conflicts()).hasSize(80);
        ConflictStore reloaded = new ConflictStore(file);
        assertThat(reloaded.conflicts()).hasSize(80);
        assertThat(reloaded.pending()).hasSize(80);
    }
}
