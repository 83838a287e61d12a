package dev.concord.bench;

import dev.concord.api.HistoryEntry;
import dev.concord.api.Identity;
import dev.concord.client.ConcordApi;
import dev.concord.client.ListQuery;
import dev.concord.client.OkHttpConcordApi;
import dev.concord.client.Page;
import dev.concord.client.PatchCall;
import dev.concord.domain.Entity;
import dev.concord.domain.EntityKind;
import dev.concord.domain.FieldValues;
import dev.concord.server.ConcordServer;
import dev.concord.sync.Conflict;
import dev.concord.sync.SaveOutcome;
import dev.concord.sync.SyncServices;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

/**
 * 16 coordinators (the product's RetryCoordinator with its default policy, each with its own user folder)
 * on one record: first each on a field of its own, then all on the same field.
 */
final class Contention {
    static final int COORDINATORS = 16;
    static final String ID = "sub_0055";
    private static final int NOTE_REGIONS = 6;

    /** What one phase measured. */
    record Result(int edits, int landed, int conflictsOpened, int trueConflicts, int lost, int failed, double seconds,
                  double landedPerSecond, double attemptsMedian, double attemptsP99, int attemptsMax) {
    }

    private Contention() {
    }

    /** A PATCH-counting ConcordApi: attempts per save, whatever the coordinator does inside. */
    static final class Counting implements ConcordApi {
        private final ConcordApi api;
        final AtomicInteger patches = new AtomicInteger();

        Counting(ConcordApi api) {
            this.api = api;
        }

        @Override
        public Page list(EntityKind kind, ListQuery query) {
            return api.list(kind, query);
        }

        @Override
        public Entity get(EntityKind kind, String id) {
            return api.get(kind, id);
        }

        @Override
        public Entity getVersion(EntityKind kind, String id, long version) {
            return api.getVersion(kind, id, version);
        }

        @Override
        public List<HistoryEntry> history(EntityKind kind, String id) {
            return api.history(kind, id);
        }

        @Override
        public Entity patch(PatchCall call) {
            patches.incrementAndGet();
            return api.patch(call);
        }

        @Override
        public Identity whoAmI() {
            return api.whoAmI();
        }

        @Override
        public boolean healthy() {
            return api.healthy();
        }
    }

    /**
     * The record has 11 editable fields, fewer than 16 coordinators: 10 coordinators take one non-text
     * field each, and 6 take one line each of the notes, with unchanged lines between the regions so the
     * line merge sees disjoint hunks.
     */
    static Result disjoint(ConcordServer server, Path home, int editsEach) throws Exception {
        List<Counting> apis = new ArrayList<>();
        List<SyncServices> clients = clients(server, home.resolve("disjoint"), apis);
        Entity start = clients.get(0).api().get(EntityKind.SUBSCRIPTION, ID);
        StringBuilder notes = new StringBuilder();
        for (int r = 0; r < NOTE_REGIONS; r++) {
            notes.append("region ").append(r).append(": v0\n").append("-- keep --\n").append("-- keep --\n");
        }
        SaveOutcome reset = clients.get(0).coordinator().save(start, start.values().with("notes", notes.toString()));
        if (!(reset instanceof SaveOutcome.Saved)) {
            throw new IllegalStateException("could not prepare the notes: " + reset);
        }
        List<BiFunction<FieldValues, Integer, FieldValues>> edits = List.of(
                (v, n) -> v.with("customerName", "Customer edit " + n),
                (v, n) -> v.with("customerEmail", "edit" + n + "@example.com"),
                (v, n) -> v.with("planId", n % 2 == 0 ? "plan_pro" : "plan_standard"),
                (v, n) -> v.with("status", n % 2 == 0 ? "paused" : "active"),
                (v, n) -> v.with("amount", new BigDecimal(n + ".00")),
                (v, n) -> v.with("currency", n % 2 == 0 ? "USD" : "EUR"),
                (v, n) -> v.with("billingCycle", n % 2 == 0 ? "yearly" : "monthly"),
                (v, n) -> v.with("nextBillingDate", LocalDate.of(2027, 1, 1).plusDays(n)),
                (v, n) -> v.with("cancelAtPeriodEnd", n % 2 == 0),
                (v, n) -> {
                    Set<String> tags = new TreeSet<>((java.util.Collection<String>) v.get("tags"));
                    if (!tags.remove("bench")) {
                        tags.add("bench");
                    }
                    return v.with("tags", tags);
                });
        long t0 = System.nanoTime();
        int[][] attempts = new int[COORDINATORS][editsEach];
        SaveOutcome[][] outcomes = new SaveOutcome[COORDINATORS][editsEach];
        run(COORDINATORS, c -> {
            SyncServices client = clients.get(c);
            for (int e = 0; e < editsEach; e++) {
                Entity base = client.api().get(EntityKind.SUBSCRIPTION, ID);
                int n = e + 1;
                FieldValues mine;
                if (c < edits.size()) {
                    mine = edits.get(c).apply(base.values(), n + 100 * c);
                } else {
                    int region = c - edits.size();
                    String text = (String) base.values().get("notes");
                    mine = base.values().with("notes", text.replaceFirst("region " + region + ": v\\d+\n",
                            "region " + region + ": v" + n + "\n"));
                }
                int before = apis.get(c).patches.get();
                outcomes[c][e] = client.coordinator().save(base, mine);
                attempts[c][e] = apis.get(c).patches.get() - before;
            }
        });
        double seconds = (System.nanoTime() - t0) / 1e9;
        int landed = 0;
        int failed = 0;
        for (SaveOutcome[] row : outcomes) {
            for (SaveOutcome o : row) {
                if (o instanceof SaveOutcome.Saved) {
                    landed++;
                } else if (!(o instanceof SaveOutcome.NeedsResolution)) {
                    failed++;
                }
            }
        }
        int conflicts = clients.stream().mapToInt(s -> s.store().conflicts().size()).sum();
        // Lost: a field whose final value is not the last value its coordinator saved.
        Entity end = clients.get(0).api().get(EntityKind.SUBSCRIPTION, ID);
        int lost = 0;
        for (int c = 0; c < COORDINATORS; c++) {
            SaveOutcome last = outcomes[c][editsEach - 1];
            if (last instanceof SaveOutcome.Saved s) {
                String field = c < edits.size() ? fieldOf(c) : "notes";
                if (field.equals("notes")) {
                    int region = c - edits.size();
                    if (!((String) end.values().get("notes")).contains("region " + region + ": v" + editsEach + "\n")) {
                        lost++;
                    }
                } else if (!java.util.Objects.equals(end.values().get(field), s.entity().values().get(field))) {
                    lost++;
                }
            }
        }
        int total = COORDINATORS * editsEach;
        return new Result(total, landed, conflicts, 0, lost, failed, seconds, landed / seconds,
                percentile(attempts, 0.5), percentile(attempts, 0.99), Arrays.stream(attempts).flatMapToInt(Arrays::stream).max().orElse(0));
    }

    private static String fieldOf(int c) {
        return List.of("customerName", "customerEmail", "planId", "status", "amount", "currency", "billingCycle",
                "nextBillingDate", "cancelAtPeriodEnd", "tags").get(c);
    }

    /**
     * Rounds in which all 16 load the record, then all set the customer name to a value of their own:
     * one lands, the 15 others are true conflicts that must each be detected and stored, none lost.
     */
    static Result sameField(ConcordServer server, Path home, int rounds) throws Exception {
        List<Counting> apis = new ArrayList<>();
        List<SyncServices> clients = clients(server, home.resolve("same"), apis);
        CyclicBarrier loaded = new CyclicBarrier(COORDINATORS);
        CyclicBarrier saved = new CyclicBarrier(COORDINATORS);
        int[][] attempts = new int[COORDINATORS][rounds];
        SaveOutcome[][] outcomes = new SaveOutcome[COORDINATORS][rounds];
        long t0 = System.nanoTime();
        run(COORDINATORS, c -> {
            SyncServices client = clients.get(c);
            for (int r = 0; r < rounds; r++) {
                Entity base = client.api().get(EntityKind.SUBSCRIPTION, ID);
                loaded.await();
                int before = apis.get(c).patches.get();
                outcomes[c][r] = client.coordinator().save(base, base.values().with("customerName", value(c, r)));
                attempts[c][r] = apis.get(c).patches.get() - before;
                saved.await();
            }
        });
        double seconds = (System.nanoTime() - t0) / 1e9;
        List<HistoryEntry> history = clients.get(0).api().history(EntityKind.SUBSCRIPTION, ID);
        int landed = 0;
        int detected = 0;
        int lost = 0;
        int failed = 0;
        for (int c = 0; c < COORDINATORS; c++) {
            for (int r = 0; r < rounds; r++) {
                String v = value(c, r);
                boolean written = history.stream().anyMatch(h -> h.kind().equals("update")
                        && h.changes().stream().anyMatch(ch -> ch.field().equals("customerName") && v.equals(String.valueOf(ch.to()))));
                boolean stored = clients.get(c).store().conflicts().stream().map(Conflict::mine)
                        .anyMatch(m -> v.equals(m.get("customerName")));
                if (outcomes[c][r] instanceof SaveOutcome.Saved) {
                    landed++;
                } else if (outcomes[c][r] instanceof SaveOutcome.NeedsResolution) {
                    detected++;
                } else {
                    failed++;
                }
                if (!written && !stored) {
                    lost++;
                }
            }
        }
        int total = COORDINATORS * rounds;
        int conflicts = clients.stream().mapToInt(s -> s.store().conflicts().size()).sum();
        return new Result(total, landed, conflicts, total - landed, lost, failed, seconds, landed / seconds,
                percentile(attempts, 0.5), percentile(attempts, 0.99), Arrays.stream(attempts).flatMapToInt(Arrays::stream).max().orElse(0));
    }

    private static String value(int c, int r) {
        return "Name from c" + c + " round " + r;
    }

    private static List<SyncServices> clients(ConcordServer server, Path home, List<Counting> apis) {
        String[] tokens = {"demo-alice", "demo-bob", "demo-billing", "demo-admin"};
        List<SyncServices> out = new ArrayList<>();
        for (int c = 0; c < COORDINATORS; c++) {
            String token = tokens[c % tokens.length];
            Counting api = new Counting(new OkHttpConcordApi(server.baseUrl(), token));
            apis.add(api);
            out.add(SyncServices.forUser(api, token, home.resolve("c" + c)));
        }
        return out;
    }

    @FunctionalInterface
    private interface Body {
        void run(int coordinator) throws Exception;
    }

    private static void run(int n, Body body) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            int coordinator = c;
            done.add(pool.submit(() -> {
                body.run(coordinator);
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get(300, TimeUnit.SECONDS);
        }
        pool.shutdown();
    }

    private static double percentile(int[][] values, double p) {
        int[] all = Arrays.stream(values).flatMapToInt(Arrays::stream).sorted().toArray();
        int i = (int) Math.ceil(p * all.length) - 1;
        return all[Math.max(0, Math.min(all.length - 1, i))];
    }

    static Map<String, Object> toMap(Result r) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("edits", r.edits());
        m.put("landed", r.landed());
        m.put("conflictsOpened", r.conflictsOpened());
        m.put("trueConflicts", r.trueConflicts());
        m.put("lost", r.lost());
        m.put("failed", r.failed());
        m.put("seconds", r.seconds());
        m.put("landedPerSecond", r.landedPerSecond());
        m.put("attemptsMedian", r.attemptsMedian());
        m.put("attemptsP99", r.attemptsP99());
        m.put("attemptsMax", r.attemptsMax());
        return m;
    }
}
