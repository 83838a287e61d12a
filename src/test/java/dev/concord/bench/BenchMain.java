package dev.concord.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.concord.api.Json;
import dev.concord.server.ConcordServer;
import dev.concord.server.ServerConfig;
import dev.concord.testing.EmbeddedPostgresFixture;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.LoggerFactory;

/**
 * {@code ./launcher bench}: the HTTP benchmarks of the service, each figure next to a baseline measured
 * in the same run. Writes {@code results.json} and {@code table.md} to the folder given as the first
 * argument (default target/bench) and prints the table. Loopback only; about 3 minutes.
 *
 * <p>System properties: {@code bench.warmup} and {@code bench.measure} (seconds per measurement, default
 * 3 and 8), {@code bench.threads} (client threads of the write path, default 4).
 */
public final class BenchMain {
    private final Duration warmup = Duration.ofSeconds(Long.getLong("bench.warmup", 3));
    private final Duration measure = Duration.ofSeconds(Long.getLong("bench.measure", 8));
    private final int threads = Integer.getInteger("bench.threads", 4);
    private final List<Map<String, Object>> results = new ArrayList<>();
    private final List<String> table = new ArrayList<>();
    private final Path work;

    private BenchMain(Path work) {
        this.work = work;
    }

    public static void main(String[] args) throws Exception {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        Path out = Path.of(args.length > 0 ? args[0] : "target/bench");
        Files.createDirectories(out);
        Path work = Files.createTempDirectory(out, "run-");
        BenchMain bench = new BenchMain(work);
        try {
            bench.runAll(out);
        } finally {
            deleteTree(work);
        }
        bench.mergeEngineRows(out);
        bench.consoleRows(out);
        bench.streamsRows(out);
        bench.write(out);
        // Embedded PostgreSQL and OkHttp threads would keep the JVM alive a while; the run is over.
        System.exit(0);
    }

    private void runAll(Path out) throws Exception {
        log("machine at start: " + machine());
        table.add("| Benchmark | Figure | Baseline (same run) | Ratio | Target | Met |");
        table.add("|---|---|---|---|---|---|");
        BenchSection write = section("write-path") ? new BenchSection("write-path",
                "Write path (issue 16 part 3): PATCH and POST next to raw JDBC + a no-op HTTP round trip") : null;
        BenchSection contention = section("contention") ? new BenchSection("contention",
                "Contention (issue 16 part 4): 16 coordinators on one record") : null;
        if (write != null || contention != null) {
            try (ConcordServer h2 = ConcordServer.start(ServerConfig.demo(work.resolve("h2")))) {
                if (write != null) {
                    results.add(WritePathRows.measure("H2 (file)", h2, threads, warmup, measure, write));
                }
                if (contention != null) {
                    contention(h2, contention);
                    table.addAll(contention.finish(out));
                }
            }
        }
        if (write != null) {
            EmbeddedPostgresFixture.PgDatabase pg = EmbeddedPostgresFixture.freshDatabase();
            try (ConcordServer server = ConcordServer.start(ServerConfig.demoOn(pg.jdbcUrl(), pg.user(), pg.password()))) {
                results.add(WritePathRows.measure("PostgreSQL", server, threads, warmup, measure, write));
            }
            table.addAll(write.finish(out));
        }
        if (section("scale")) {
            scale();
        }
    }

    /** {@code -Dbench.sections=write-path,contention,scale} runs only those (all by default). */
    private static boolean section(String name) {
        String only = System.getProperty("bench.sections", "");
        return only.isBlank() || java.util.Arrays.asList(only.split(",")).contains(name);
    }

    private void contention(ConcordServer server, BenchSection section) throws Exception {
        log("contention: 16 coordinators, disjoint fields");
        Contention.Result disjoint = Contention.disjoint(server, work.resolve("contention"), 8);
        Map<String, Object> r = row("contention-disjoint", "H2 (file)");
        r.putAll(Contention.toMap(disjoint));
        boolean ok = disjoint.landed() == disjoint.edits() && disjoint.conflictsOpened() == 0 && disjoint.lost() == 0;
        r.put("target", "100% land, no conflict opened");
        r.put("met", ok);
        section.add(String.format(Locale.ROOT, "| Contention, 16 coordinators, disjoint fields: landed | %d of %d (%.1f edits/s), %d conflicts, %d lost, %d failed | | | 100%%, 0 conflicts | %s |",
                disjoint.landed(), disjoint.edits(), disjoint.landedPerSecond(), disjoint.conflictsOpened(), disjoint.lost(),
                disjoint.failed(), yes(ok)));
        section.add(String.format(Locale.ROOT, "| Contention, disjoint fields: attempts per edit | median %.0f, p99 %.0f, max %d | 1 (no contention) | | | |",
                disjoint.attemptsMedian(), disjoint.attemptsP99(), disjoint.attemptsMax()));

        log("contention: 16 coordinators, same field");
        Contention.Result same = Contention.sameField(server, work.resolve("contention"), 5);
        Map<String, Object> s = row("contention-same-field", "H2 (file)");
        s.putAll(Contention.toMap(same));
        boolean sameOk = same.conflictsOpened() == same.trueConflicts() && same.lost() == 0 && same.failed() == 0;
        s.put("target", "every true conflict detected, none lost");
        s.put("met", sameOk);
        section.add(String.format(Locale.ROOT, "| Contention, 16 coordinators, same field (5 rounds): conflicts | %d detected of %d true, %d landed, %d lost | | | all detected, 0 lost | %s |",
                same.conflictsOpened(), same.trueConflicts(), same.landed(), same.lost(), yes(sameOk)));
        section.add(String.format(Locale.ROOT, "| Contention, same field: attempts per edit | median %.0f, p99 %.0f, max %d; %.1f edits landed/s | | | | |",
                same.attemptsMedian(), same.attemptsP99(), same.attemptsMax(), same.landedPerSecond()));
    }

    private void scale() throws Exception {
        int clients = threads * 2;
        EmbeddedPostgresFixture.PgDatabase pg = EmbeddedPostgresFixture.freshDatabase();
        Load.Stats one = null;
        for (int n : new int[] {1, 2, 4}) {
            List<ConcordServer> servers = new ArrayList<>();
            try {
                for (int i = 0; i < n; i++) {
                    servers.add(ConcordServer.start(ServerConfig.demoOn(pg.jdbcUrl(), pg.user(), pg.password())));
                }
                log("scale: " + n + " instance(s) on one PostgreSQL, " + clients + " client threads");
                Load.Stats stats = WritePath.patch(servers, clients, warmup, measure);
                if (one == null) {
                    one = stats;
                }
                Map<String, Object> r = row("scale", "PostgreSQL");
                r.put("instances", n);
                r.put("clientThreads", clients);
                r.put("patch", stats);
                r.put("throughputVsOneInstance", stats.perSecond() / one.perSecond());
                table.add(String.format(Locale.ROOT, "| Scale, %d instance(s) on one PostgreSQL, %d threads | %.0f PATCH/s, p50 %s, p99 %s | 1 instance: %.0f/s | %.2f | grows with instances | %s |",
                        n, clients, stats.perSecond(), micros(stats.p50Micros()), micros(stats.p99Micros()), one.perSecond(),
                        stats.perSecond() / one.perSecond(), n == 1 ? "" : yes(stats.perSecond() > one.perSecond() * 1.1)));
            } finally {
                for (ConcordServer s : servers) {
                    s.close();
                }
            }
        }
    }

    /**
     * The merge engine's JMH figures, from the section its own execution (MergeBenchReport, earlier in the
     * same ./launcher bench) wrote to results.json, so that the table holds every figure of the run.
     */
    private void mergeEngineRows(Path out) throws java.io.IOException {
        Path file = out.resolve("results.json");
        com.fasterxml.jackson.databind.JsonNode merge = Files.exists(file) ? Json.mapper().readTree(file.toFile()).path("mergeEngine")
                : com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        if (!merge.path("cases").isArray() || merge.path("cases").isEmpty()) {
            notMeasured("Merge engine: 3-way merge of 1k/10k/100k-line notes vs git merge-file",
                    "not in this run (the merge engine's JMH execution writes it)", "10k lines < 20 ms");
            return;
        }
        for (com.fasterxml.jackson.databind.JsonNode c : merge.path("cases")) {
            int lines = c.path("lines").asInt();
            double ours = c.path("oursMs").asDouble();
            boolean tenK = lines == 10000;
            table.add(String.format(Locale.ROOT, "| Merge engine, notes of %,d lines, disjoint edits (JMH avg) | %.3f ms | git merge-file %.3f ms wall, %.3f ms net of process start | %.2f of wall | %s | %s |",
                    lines, ours, c.path("gitWallMs").asDouble(), c.path("gitNetMs").asDouble(), c.path("ratioToGitWall").asDouble(),
                    tenK ? "< " + merge.path("target10kMs").asInt() + " ms" : "", tenK ? yes(ours < merge.path("target10kMs").asDouble()) : ""));
        }
    }

    /** The console's rows, from the section ConsoleBench (earlier in the same ./launcher bench) wrote. */
    private void consoleRows(Path out) throws java.io.IOException {
        Path file = out.resolve("results.json");
        com.fasterxml.jackson.databind.JsonNode console = Files.exists(file)
                ? Json.mapper().readTree(file.toFile()).path("console").path("table")
                : com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        if (!console.isArray() || console.isEmpty()) {
            notMeasured("Console: start-up to first window, memory with 10,000 subscriptions, conflict dialog on 10k lines",
                    "not in this run (ConsoleBench's execution writes it)", "< 1.5 s, < 300 MB, < 300 ms");
            return;
        }
        console.forEach(row -> table.add(row.asText()));
        // The start-up on a real display (ConsoleStartBench, its own execution); absent when it did not run.
        com.fasterxml.jackson.databind.JsonNode start = Json.mapper().readTree(file.toFile()).path("consoleStart").path("table");
        start.forEach(row -> table.add(row.asText()));
    }

    /** The event streams' rows, from the section StreamsBench (earlier in the same ./launcher bench) wrote. */
    private void streamsRows(Path out) throws java.io.IOException {
        Path file = out.resolve("results.json");
        com.fasterxml.jackson.databind.JsonNode streams = Files.exists(file)
                ? Json.mapper().readTree(file.toFile()).path("streams").path("table")
                : com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        if (!streams.isArray() || streams.isEmpty()) {
            notMeasured("Streams: 1k/5k/10k open event streams", "not in this run (StreamsBench's execution writes it)",
                    "10k: PATCH p99 <= 1.2x, every event, delivery p99 < 1 s, RSS < 1 GB, threads flat");
            return;
        }
        streams.forEach(row -> table.add(row.asText()));
    }

    private void notMeasured(String what, String why, String target) {
        Map<String, Object> r = row(what, "-");
        r.put("status", why);
        r.put("target", target);
        table.add("| " + what + " | " + why + " | | | " + target + " | |");
    }

    private Map<String, Object> row(String benchmark, String backend) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("benchmark", benchmark);
        r.put("backend", backend);
        results.add(r);
        return r;
    }

    /** Our section of results.json ("service"); sections other benchmarks wrote there are kept. */
    private void write(Path out) throws Exception {
        Path file = out.resolve("results.json");
        Map<String, Object> root = new LinkedHashMap<>();
        if (Files.exists(file)) {
            Json.mapper().readTree(file.toFile()).fields().forEachRemaining(e -> root.put(e.getKey(), e.getValue()));
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("runAt", Instant.now().toString());
        doc.put("machine", machine());
        doc.put("warmupSeconds", warmup.toSeconds());
        doc.put("measureSeconds", measure.toSeconds());
        doc.put("results", results);
        root.put("service", doc);
        Files.writeString(file, Json.mapper().writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root));
        String text = String.join("\n", table) + "\n";
        Files.writeString(out.resolve("table.md"), text);
        System.out.println();
        System.out.println("Machine: " + machine());
        System.out.println(text);
        System.out.println("Written: " + file + " and " + out.resolve("table.md"));
    }

    private static Map<String, Object> machine() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cores", Runtime.getRuntime().availableProcessors());
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            m.put("memoryGiB", Math.round(os.getTotalMemorySize() / (1024.0 * 1024 * 1024)));
        }
        m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        // The machine is shared: the 1-minute load average says how much else ran while this measured.
        m.put("loadAverage1m", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        return m;
    }

    private static String micros(double us) {
        return us >= 1000 ? String.format(Locale.ROOT, "%.2f ms", us / 1000) : String.format(Locale.ROOT, "%.0f µs", us);
    }

    private static String yes(boolean ok) {
        return ok ? "yes" : "**no**";
    }

    private static void log(String what) {
        System.out.println("[bench] " + Instant.now() + " " + what);
    }

    private static void deleteTree(Path root) throws java.io.IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
