package dev.concord.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concord.api.FieldChange;
import dev.concord.api.HistoryEntry;
import dev.concord.client.ConcordApi;
import dev.concord.client.OkHttpConcordApi;
import dev.concord.domain.BillingCycle;
import dev.concord.domain.Entity;
import dev.concord.domain.EntityKind;
import dev.concord.domain.FieldSpec;
import dev.concord.domain.FieldValues;
import dev.concord.domain.Subscription;
import dev.concord.server.ConcordServer;
import dev.concord.server.ServerConfig;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The coordinator, the real merge engine and the OkHttp client against the real server, in process. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class EndToEndTest {
    private static final EntityKind SUB = EntityKind.SUBSCRIPTION;

    @TempDir
    Path home;

    private ConcordServer server;

    @BeforeEach
    void start() {
        server = ConcordServer.start(ServerConfig.demoInMemory());
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** A coordinator for one user; backoff waits are skipped so the test is fast, not different. */
    private RetryCoordinator coordinator(ConcordApi api, String user, RetryPolicy policy) {
        ConflictStore store = new ConflictStore(home.resolve(user).resolve("conflicts.json"));
        return new RetryCoordinator(api, store, policy, Clock.systemUTC(), d -> { },
                java.util.random.RandomGenerator.getDefault());
    }

    private RetryCoordinator coordinator(String token) {
        return coordinator(new OkHttpConcordApi(server.baseUrl(), token), SyncServices.userFolderName(token),
                RetryPolicy.defaults());
    }

    @Test
    void staleSaveOfAnotherFieldMergesAndKeepsBothChanges() {
        RetryCoordinator alice = coordinator("demo-alice");
        RetryCoordinator bob = coordinator("demo-bob");
        Subscription atN = (Subscription) alice.api().get(SUB, "sub_0001");
        Subscription bobsCopy = (Subscription) bob.api().get(SUB, "sub_0001");
        String newStatus = atN.status().wire().equals("paused") ? "active" : "paused";

        SaveOutcome alices = alice.save(atN, atN.values().with("notes", atN.notes() + "\nAlice: customer called."));
        SaveOutcome bobs = bob.save(bobsCopy, bobsCopy.values().with("status", newStatus));

        assertThat(alices).isInstanceOf(SaveOutcome.Saved.class);
        assertThat(bobs).isInstanceOfSatisfying(SaveOutcome.Saved.class, s -> {
            assertThat(s.entity().version()).isEqualTo(atN.version() + 2);
            assertThat(s.mergedFromOthers()).singleElement().satisfies(m -> {
                assertThat(m.field()).isEqualTo("notes");
                assertThat(m.changedBy()).isEqualTo("alice");
            });
        });
        Subscription end = (Subscription) bob.api().get(SUB, "sub_0001");
        assertThat(end.version()).isEqualTo(atN.version() + 2);
        assertThat(end.notes()).isEqualTo(atN.notes() + "\nAlice: customer called.");
        assertThat(end.status().wire()).isEqualTo(newStatus);
        assertThat(bob.store().conflicts()).isEmpty();
    }

    @Test
    void bothChangingStatusStoresAConflictForBobAndOverwritesNothing() {
        RetryCoordinator alice = coordinator("demo-alice");
        RetryCoordinator bob = coordinator("demo-bob");
        Subscription atN = (Subscription) alice.api().get(SUB, "sub_0001");
        String alicesStatus = atN.status().wire().equals("paused") ? "active" : "paused";

        alice.save(atN, atN.values().with("status", alicesStatus));
        SaveOutcome bobs = bob.save(atN, atN.values().with("status", "cancelled"));

        assertThat(bobs).isInstanceOfSatisfying(SaveOutcome.NeedsResolution.class, n -> {
            assertThat(n.conflict().conflicts()).singleElement().satisfies(f -> {
                assertThat(f.field()).isEqualTo("status");
                assertThat(f.mine()).isEqualTo("cancelled");
                assertThat(f.theirs()).isEqualTo(alicesStatus);
            });
            assertThat(n.conflict().theirs().updatedBy()).isEqualTo("alice");
        });
        Subscription end = (Subscription) bob.api().get(SUB, "sub_0001");
        assertThat(end.version()).isEqualTo(atN.version() + 1);
        assertThat(end.status().wire()).isEqualTo(alicesStatus);
        assertThat(new ConflictStore(bob.store().file()).conflicts()).isEqualTo(bob.store().conflicts());

        Conflict stored = bob.store().conflicts().get(0);
        SaveOutcome resolved = bob.resolve(stored.conflictId(), FieldValues.of(Map.of("status", "cancelled")));
        assertThat(resolved).isInstanceOfSatisfying(SaveOutcome.Saved.class,
                s -> assertThat(s.entity().version()).isEqualTo(atN.version() + 2));
        assertThat(bob.store().conflicts()).isEmpty();
    }

    @Test
    void textEditsToDifferentLinesMergeOnTheServerRecord() {
        RetryCoordinator alice = coordinator("demo-alice");
        RetryCoordinator bob = coordinator("demo-bob");
        Subscription atN = (Subscription) alice.api().get(SUB, "sub_0003");
        String base = "one\ntwo\nthree\nfour\nfive";
        Subscription start = (Subscription) ((SaveOutcome.Saved) alice.save(atN, atN.values().with("notes", base)))
                .entity();

        alice.save(start, start.values().with("notes", "ONE\ntwo\nthree\nfour\nfive"));
        SaveOutcome bobs = bob.save(start, start.values().with("notes", "one\ntwo\nthree\nfour\nFIVE"));

        assertThat(bobs).isInstanceOf(SaveOutcome.Saved.class);
        assertThat(((Subscription) bob.api().get(SUB, "sub_0003")).notes()).isEqualTo("ONE\ntwo\nthree\nfour\nFIVE");
    }

    @Test
    void lostAnswerToASuccessfulPatchIsRetriedWithTheSameKeyAndAppliedOnce() {
        AtomicBoolean dropNextPatchAnswer = new AtomicBoolean(true);
        AtomicInteger patches = new AtomicInteger();
        List<String> keys = Collections.synchronizedList(new ArrayList<>());
        OkHttpClient lossy = OkHttpConcordApi.sharedClient().newBuilder().addNetworkInterceptor(chain -> {
            Response response = chain.proceed(chain.request());
            if (chain.request().method().equals("PATCH")) {
                patches.incrementAndGet();
                keys.add(chain.request().header("Idempotency-Key"));
                if (response.isSuccessful() && dropNextPatchAnswer.getAndSet(false)) {
                    response.close();
                    throw new IOException("simulated: connection reset before the answer arrived");
                }
            }
            return response;
        }).build();
        RetryCoordinator alice = coordinator(new OkHttpConcordApi(server.baseUrl(), "demo-alice", lossy), "alice",
                RetryPolicy.defaults());
        Subscription atN = (Subscription) alice.api().get(SUB, "sub_0004");

        SaveOutcome outcome = alice.save(atN, atN.values().with("notes", atN.notes() + "\nonce"));

        assertThat(outcome).isInstanceOfSatisfying(SaveOutcome.Saved.class, s -> {
            assertThat(s.entity().version()).isEqualTo(atN.version() + 1);
            assertThat(s.attempts()).isEqualTo(2);
        });
        assertThat(patches).hasValue(2);
        assertThat(keys.get(1)).isEqualTo(keys.get(0));
        Subscription end = (Subscription) alice.api().get(SUB, "sub_0004");
        assertThat(end.version()).isEqualTo(atN.version() + 1);
        assertThat(end.notes()).isEqualTo(atN.notes() + "\nonce");
        assertThat(alice.api().history(SUB, "sub_0004")).filteredOn(h -> h.version() > atN.version()).hasSize(1);
        assertThat(alice.store().conflicts()).isEmpty();
    }

    @Test
    void serverDownKeepsTheEditPendingAndItLandsWhenTheServerIsBack(@TempDir Path data) {
        server.close();
        server = ConcordServer.start(ServerConfig.demo(data));
        int port = server.port();
        String url = server.baseUrl();
        RetryCoordinator alice = coordinator(new OkHttpConcordApi(url, "demo-alice"), "alice", RetryPolicy.defaults());
        Subscription atN = (Subscription) alice.api().get(SUB, "sub_0005");
        server.close();
        server = null;

        SaveOutcome down = alice.save(atN, atN.values().with("status", "paused").with("notes", "kept while down"));

        assertThat(down).isInstanceOf(SaveOutcome.Pending.class);
        PendingEdit pending = alice.store().pending().get(0);
        server = ConcordServer.start(ServerConfig.demo(data).withPort(port));
        ConflictStore reopened = new ConflictStore(alice.store().file());
        RetryCoordinator afterRestart = new RetryCoordinator(new OkHttpConcordApi(url, "demo-alice"), reopened,
                RetryPolicy.defaults(), Clock.systemUTC(), d -> { }, java.util.random.RandomGenerator.getDefault());

        SaveOutcome up = afterRestart.retryPending(pending.pendingId());

        assertThat(up).isInstanceOfSatisfying(SaveOutcome.Saved.class,
                s -> assertThat(s.entity().version()).isEqualTo(atN.version() + 1));
        Subscription end = (Subscription) afterRestart.api().get(SUB, "sub_0005");
        assertThat(end.status().wire()).isEqualTo("paused");
        assertThat(end.notes()).isEqualTo("kept while down");
        assertThat(reopened.pending()).isEmpty();
    }

    /**
     * 8 writers, each changing its own field of one subscription 25 times from its own (soon stale) copy.
     * Every 409 is rebased by merge; the attempt cap never bites because clean rebases have their own
     * budget (see RetryPolicy), which we set high here: it bounds latency, and this test is about
     * correctness under the worst contention (no backoff waits at all).
     */
    @Test
    void eightWritersOnDisjointFieldsLoseNothing() throws Exception {
        String id = "sub_0002";
        Subscription initial = (Subscription) new OkHttpConcordApi(server.baseUrl(), "demo-admin").get(SUB, id);
        List<String> fields = List.of("customerName", "customerEmail", "amount", "billingCycle", "nextBillingDate",
                "cancelAtPeriodEnd", "tags", "notes");
        List<IntFunction<Object>> valueOf = List.of(
                j -> "Customer " + j,
                j -> "writer" + j + "@example.com",
                j -> new BigDecimal(100 + j + ".50"),
                j -> BillingCycle.values()[(cycleIndex(initial) + 1 + j) % 4].wire(),
                j -> LocalDate.parse("2030-01-01").plusDays(j),
                j -> (j % 2 == 0) != initial.cancelAtPeriodEnd(),
                j -> Collections.unmodifiableSet(new TreeSet<>(Set.of("w" + j))),
                j -> initial.notes() + "\nedit " + j);
        String[] tokens = {"demo-alice", "demo-bob", "demo-billing", "demo-admin"};
        int edits = 25;
        // No limit on clean rebases here (neither count nor time: a loaded CI machine can be slow): this test
        // is about nothing being lost, not about the budget (RebaseBudgetTest).
        RetryPolicy patient = RetryPolicy.defaults().withMaxRebases(1_000).withRebaseWindow(Duration.ofHours(1));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<List<SaveOutcome>>> results = new ArrayList<>();
        List<RetryCoordinator> coordinators = new ArrayList<>();
        try {
            for (int w = 0; w < 8; w++) {
                String field = fields.get(w);
                IntFunction<Object> value = valueOf.get(w);
                RetryCoordinator c = coordinator(new OkHttpConcordApi(server.baseUrl(), tokens[w % 4]), "writer" + w,
                        patient);
                coordinators.add(c);
                results.add(pool.submit(() -> {
                    go.await();
                    List<SaveOutcome> outcomes = new ArrayList<>();
                    Entity mine = c.api().get(SUB, id);
                    for (int j = 0; j < edits; j++) {
                        SaveOutcome o = c.save(mine, mine.values().with(field, value.apply(j)));
                        outcomes.add(o);
                        if (!(o instanceof SaveOutcome.Saved saved)) {
                            break;
                        }
                        mine = saved.entity();
                    }
                    return outcomes;
                }));
            }
            go.countDown();
            for (Future<List<SaveOutcome>> f : results) {
                assertThat(f.get(120, TimeUnit.SECONDS)).hasSize(edits).allMatch(o -> o instanceof SaveOutcome.Saved);
            }
        } finally {
            pool.shutdownNow();
        }

        ConcordApi reader = new OkHttpConcordApi(server.baseUrl(), "demo-viewer");
        Subscription end = (Subscription) reader.get(SUB, id);
        assertThat(end.version()).isEqualTo(initial.version() + 8 * edits);
        for (int w = 0; w < 8; w++) {
            assertThat(end.values().get(fields.get(w))).as(fields.get(w)).isEqualTo(valueOf.get(w).apply(edits - 1));
        }
        assertThat(coordinators).allMatch(c -> c.store().conflicts().isEmpty() && c.store().pending().isEmpty());
        // Every edit landed, in each writer's order: the change log holds each field's 25 values in sequence.
        List<HistoryEntry> newestFirst = reader.history(SUB, id).stream()
                .filter(h -> h.version() > initial.version() && HistoryEntry.UPDATE.equals(h.kind())).toList();
        assertThat(newestFirst).hasSize(8 * edits);
        for (int w = 0; w < 8; w++) {
            FieldSpec spec = SUB.requireField(fields.get(w));
            List<Object> written = new ArrayList<>();
            for (int i = newestFirst.size() - 1; i >= 0; i--) {
                for (FieldChange c : newestFirst.get(i).changes()) {
                    if (c.field().equals(spec.name())) {
                        written.add(spec.parse(c.to()));
                    }
                }
            }
            List<Object> expected = new ArrayList<>();
            for (int j = 0; j < edits; j++) {
                expected.add(valueOf.get(w).apply(j));
            }
            assertThat(written).as(spec.name()).isEqualTo(expected);
        }
    }

    private static int cycleIndex(Subscription s) {
        return Objects.requireNonNull(s.billingCycle()).ordinal();
    }
}
