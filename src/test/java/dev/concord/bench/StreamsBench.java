package dev.concord.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.concord.api.Json;
import dev.concord.testing.SseLoadClients;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ./launcher bench}, streams section (issue 14): 1,000, 5,000 and 10,000 open event streams on one
 * server process (H2, demo data), held by loopback clients on two NIO threads in this JVM. At each level:
 * PATCH latency at a steady rate next to the same PATCH with no stream open, the time one write takes to
 * reach every stream, whether every stream got every event, and the server's RSS and thread count (from
 * /proc). Writes the "streams" section of results.json, whose table rows BenchMain adds to table.md.
 *
 * <p>System properties: {@code bench.streams.levels} (default 1000,5000,10000), {@code bench.streams.patchRate}
 * (PATCH per second during the latency window, default 10), {@code bench.streams.patchSeconds} (default 15),
 * {@code bench.streams.writes} (writes timed to every stream, default 20).
 */
public final class StreamsBench {
    private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");
    private static final double PATCH_TARGET = 1.2;
    private static final double DELIVERY_TARGET_MS = 1000;
    private static final long RSS_TARGET_MIB = 1024;
    private static final String[] TOKENS = {"demo-alice", "demo-bob", "demo-billing", "demo-admin", "demo-viewer"};

    private final int[] levels = Arrays.stream(System.getProperty("bench.streams.levels", "1000,5000,10000").split(","))
            .mapToInt(s -> Integer.parseInt(s.strip())).toArray();
    private final int patchRate = Integer.getInteger("bench.streams.patchRate", 10);
    private final int patchSeconds = Integer.getInteger("bench.streams.patchSeconds", 15);
    private final int timedWrites = Integer.getInteger("bench.streams.writes", 20);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<String> table = new ArrayList<>();
    private final List<Map<String, Object>> results = new ArrayList<>();
    private String base;
    private long pid;
    private long version;
    private long threadsFirstLevel = -1;
    private long othersFirstLevel = -1;

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "target/bench");
        Files.createDirectories(out);
        StreamsBench bench = new StreamsBench();
        Path work = Files.createTempDirectory(out, "streams-");
        Process server = bench.startServer(work);
        try {
            bench.run();
        } catch (Exception e) {
            bench.table.add("| Streams: run failed | " + e + " | | | | **no** |");
            e.printStackTrace();
        } finally {
            server.destroy();
            server.waitFor(30, TimeUnit.SECONDS);
        }
        try {
            bench.crossInstance();
        } catch (Exception e) {
            bench.table.add("| Streams across instances: run failed | " + e + " | | | | **no** |");
            e.printStackTrace();
        }
        bench.write(out);
        System.exit(0);
    }

    private Process startServer(Path work) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // Five demo tokens stand for thousands of consoles; the per-caller cap is about real callers.
                "-Dconcord.events.streamsPerCaller=100000",
                "-Dconcord.home=" + work.resolve("home"),
                "-cp", System.getProperty("java.class.path"), "dev.concord.app.Main", "server", "--demo", "--port", "0",
                "--data", work.resolve("data").toString()));
        String extra = System.getProperty("bench.streams.serverJvmArgs", "");
        if (!extra.isBlank()) {
            cmd.addAll(1, List.of(extra.strip().split("\\s+")));
        }
        Process p = new ProcessBuilder(cmd).redirectError(work.resolve("server.log").toFile()).start();
        CompletableFuture<String> url = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        url.complete(m.group(1));
                    }
                }
            } catch (Exception e) {
                url.completeExceptionally(e);
            }
        }, "server-stdout");
        reader.setDaemon(true);
        reader.start();
        base = url.get(120, TimeUnit.SECONDS);
        pid = p.pid();
        return p;
    }

    private void run() throws Exception {
        log("streams: server " + base + " (pid " + pid + "), load " + loadAverage());
        version = get("/api/v1/subscriptions/sub_0003").path("data").path("version").asLong();
        patchWindow(2); // warm-up
        Map<String, Object> baseline = new LinkedHashMap<>();
        Load.Stats none = patchWindow(patchSeconds);
        baseline.put("patch", none);
        baseline.put("rssMiB", proc("VmRSS") / 1024);
        baseline.put("threads", proc("Threads"));
        baseline.put("threadNames", threadNames());
        baseline.put("loadAverage1m", loadAverage());
        results.add(Map.of("streams", 0, "figures", baseline));
        long threads0 = proc("Threads");
        table.add(String.format(Locale.ROOT, "| Streams: none open (baseline) | PATCH p50 %s, p99 %s at %d/s; RSS %d MiB, %d threads | | | | |",
                ms(none.p50Micros()), ms(none.p99Micros()), patchRate, proc("VmRSS") / 1024, threads0));

        URI uri = URI.create(base);
        List<SseLoadClients.Client> clients = new ArrayList<>();
        try (SseLoadClients load = new SseLoadClients(uri.getHost(), uri.getPort(), 2)) {
            for (int level : levels) {
                long openStart = System.nanoTime();
                while (clients.size() < level) {
                    int batchEnd = Math.min(level, clients.size() + 500);
                    while (clients.size() < batchEnd) {
                        clients.add(load.open(TOKENS[clients.size() % TOKENS.length], null));
                    }
                    waitUntil(() -> clients.stream().allMatch(c -> c.opened() || c.ended()), 60_000);
                }
                double openSeconds = (System.nanoTime() - openStart) / 1e9;
                long refused = clients.stream().filter(c -> !c.opened()).count();
                log("streams: " + level + " open (" + refused + " refused) in " + String.format(Locale.ROOT, "%.1f s", openSeconds));
                Thread.sleep(2000);
                measureLevel(level, clients, none, threads0, openSeconds);
            }
        }
    }

    private void measureLevel(int level, List<SseLoadClients.Client> clients, Load.Stats none, long threads0,
                              double openSeconds) throws Exception {
        String loadBefore = loadAverage();
        long cpuBefore = serverCpuMillis();
        long clientCpuBefore = clientCpuMillis();
        long mark = Long.parseLong(headers("/api/v1/subscriptions/sub_0003").firstValue("X-Last-Event-Id").orElse("0"));
        int writesBefore = 0;
        Load.Stats patch = patchWindow(patchSeconds);
        writesBefore += (int) patch.ops();
        // Let the streams catch up with the window's writes first: the next figure is one write's fan-out.
        int windowWrites = writesBefore;
        long drainStart = System.nanoTime();
        waitUntil(() -> SseLoadClients.live(clients).stream().allMatch(c -> after(c, mark) >= windowWrites), 120_000);
        double backlogSeconds = (System.nanoTime() - drainStart) / 1e9;
        // One write at a time, each timed from just before its PATCH to its arrival at every stream.
        List<Long> latencies = new ArrayList<>();
        List<Long> reachAll = new ArrayList<>();
        for (int w = 0; w < timedWrites; w++) {
            long t0 = System.nanoTime();
            patchOnce();
            writesBefore++;
            int target = writesBefore;
            waitUntil(() -> SseLoadClients.live(clients).stream().allMatch(c -> after(c, mark) >= target), 30_000);
            long slowest = 0;
            for (SseLoadClients.Client c : SseLoadClients.live(clients)) {
                long[] arrivals = c.arrivals();
                long[] ids = c.ids();
                int idx = indexOfNth(ids, mark, target);
                if (idx >= 0) {
                    long d = arrivals[idx] - t0;
                    latencies.add(d);
                    slowest = Math.max(slowest, d);
                }
            }
            reachAll.add(slowest);
        }
        long rss = proc("VmRSS") / 1024;
        long threads = proc("Threads");
        long serverCpu = serverCpuMillis() - cpuBefore;
        long clientCpu = clientCpuMillis() - clientCpuBefore;
        // Every stream must hold exactly the writes made since the mark, in increasing order.
        int allWrites = writesBefore;
        long complete = clients.stream().filter(c -> {
            long[] ids = Arrays.stream(c.ids()).filter(id -> id > mark).toArray();
            if (ids.length != allWrites) {
                return false;
            }
            for (int i = 1; i < ids.length; i++) {
                if (ids[i] <= ids[i - 1]) {
                    return false;
                }
            }
            return true;
        }).count();
        long dropped = clients.stream().filter(c -> c.overflowed() || c.ended()).count();
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        long[] all = reachAll.stream().mapToLong(Long::longValue).sorted().toArray();
        double p50 = pct(sorted, 0.5) / 1e6;
        double p99 = pct(sorted, 0.99) / 1e6;
        double max = sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] / 1e6;
        double ratio = patch.p99Micros() / none.p99Micros();
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("openSeconds", openSeconds);
        f.put("patch", patch);
        f.put("patchP99Ratio", ratio);
        f.put("backlogAfterPatchWindowSeconds", backlogSeconds);
        f.put("deliveryP50Ms", p50);
        f.put("deliveryP99Ms", p99);
        f.put("deliveryMaxMs", max);
        f.put("reachAllP50Ms", pct(all, 0.5) / 1e6);
        f.put("streamsWithEveryEvent", complete);
        f.put("eventsPerStream", allWrites);
        f.put("dropped", dropped);
        f.put("serverCpuMs", serverCpu);
        f.put("benchClientCpuMs", clientCpu);
        double perFrameMicros = serverCpu * 1000.0 / ((double) allWrites * clients.size());
        f.put("serverCpuMicrosPerEventPerStream", perFrameMicros);
        f.put("rssMiB", rss);
        f.put("threads", threads);
        f.put("threadNames", threadNames());
        f.put("loadAverage1m", loadBefore + " -> " + loadAverage());
        results.add(Map.of("streams", level, "figures", f));
        log("streams: " + level + " -> " + f);
        boolean big = level == levels[levels.length - 1];
        table.add(String.format(Locale.ROOT, "| Streams: %,d open (opened in %.1f s): PATCH p99 at %d/s | %s (p50 %s); streams caught up %.1f s after the window | no streams: %s | %.2f | %s | %s |",
                level, openSeconds, patchRate, ms(patch.p99Micros()), ms(patch.p50Micros()), backlogSeconds, ms(none.p99Micros()), ratio,
                big ? "<= " + PATCH_TARGET + "x" : "", big ? yes(ratio <= PATCH_TARGET) : ""));
        table.add(String.format(Locale.ROOT, "| Streams: %,d open: one write to every stream | p50 %.0f ms, p99 %.0f ms, max %.0f ms (%d writes x %d streams) | | | %s | %s |",
                level, p50, p99, max, reachAll.size(), SseLoadClients.live(clients).size(),
                big ? "p99 < 1 s" : "", big ? yes(p99 < DELIVERY_TARGET_MS) : ""));
        table.add(String.format(Locale.ROOT, "| Streams: %,d open: every stream got every event | %,d of %,d streams got all %d events in order, %d dropped | | | %s | %s |",
                level, complete, clients.size(), allWrites, dropped, big ? "all" : "", big ? yes(complete == clients.size()) : ""));
        if (threadsFirstLevel < 0) {
            threadsFirstLevel = threads;
            othersFirstLevel = threads - jettyPool();
        }
        // Flat: ten times the streams, the same threads outside Jetty's request pool (within a few of the JVM's own
        // that come and go). The pool itself is bounded by its configured maximum and grows to it lazily with
        // request load, so at 1,000 streams it may not have reached it yet (50 of 64 in the run of 16:53 UTC);
        // a thread per stream would show here as thousands.
        long others = threads - jettyPool();
        table.add(String.format(Locale.ROOT, "| Streams: %,d open: server memory and threads | RSS %,d MiB, %d threads (%s) | none open: %d threads; %,d open: %d | | %s | %s |",
                level, rss, threads, poolThreads(), threads0, levels[0], threadsFirstLevel,
                big ? "RSS < 1 GB, threads flat (outside Jetty's bounded pool: " + others + " vs " + othersFirstLevel + ")" : "",
                big ? yes(rss < RSS_TARGET_MIB && others <= othersFirstLevel + 8) : ""));
        table.add(String.format(Locale.ROOT, "| Streams: %,d open: CPU while measured | server %.1f s, bench clients %.1f s for %d events x %,d streams: %.1f µs of server CPU per event per stream; load average %s | | | | |",
                level, serverCpu / 1000.0, clientCpu / 1000.0, allWrites, clients.size(), perFrameMicros, f.get("loadAverage1m")));
    }

    private void crossInstance() throws Exception {
        int writes = Integer.getInteger("bench.streams.crossWrites", 500);
        log("streams: two instances on one PostgreSQL, " + writes + " writes on A to 20 streams on B, load " + loadAverage());
        CrossInstanceLatency.Result r = CrossInstanceLatency.measure(writes, 20);
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("writes", writes);
        f.put("streamsOnB", r.streams());
        f.put("p50Ms", r.pct(0.5));
        f.put("p99Ms", r.pct(0.99));
        f.put("maxMs", r.pct(1.0));
        f.put("lost", r.lost());
        f.put("loadAverage1m", loadAverage());
        results.add(Map.of("crossInstance", f));
        log("streams: across instances -> " + f);
        table.add(String.format(Locale.ROOT, "| Streams across instances (PostgreSQL, LISTEN/NOTIFY): write on A to a stream on B | p50 %.1f ms, p99 %.1f ms, max %.1f ms (%d writes x %d streams, %d lost; load %s) | | | p99 < 100 ms | %s |",
                r.pct(0.5), r.pct(0.99), r.pct(1.0), writes, r.streams(), r.lost(), loadAverage(),
                yes(r.pct(0.99) < 100 && r.lost() == 0)));
    }

    /** Events above the mark a stream got (counted without copying: this runs for every stream every 5 ms). */
    private static int after(SseLoadClients.Client c, long mark) {
        return c.countAbove(mark);
    }

    private static int indexOfNth(long[] ids, long mark, int nth) {
        int n = 0;
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] > mark && ++n == nth) {
                return i;
            }
        }
        return -1;
    }

    /** PATCHes at a steady rate for {@code seconds}; latency of each. */
    private Load.Stats patchWindow(int seconds) throws Exception {
        long period = 1_000_000_000L / patchRate;
        int n = seconds * patchRate;
        long[] nanos = new long[n];
        long errors = 0;
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            long due = start + i * period;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            long t0 = System.nanoTime();
            if (!patchOnce()) {
                errors++;
            }
            nanos[i] = System.nanoTime() - t0;
        }
        return Load.Stats.of(nanos, seconds, errors);
    }

    private boolean patchOnce() throws Exception {
        String body = "{\"version\":" + version + ",\"changes\":{\"notes\":\"streams bench " + version + "\"}}";
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/subscriptions/sub_0003"))
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body))
                .header("Authorization", "Bearer demo-alice").header("Content-Type", "application/json")
                .header("If-Match", "\"" + version + "\"").build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
            version++;
            return true;
        }
        log("PATCH answered " + r.statusCode() + ": " + r.body());
        version = get("/api/v1/subscriptions/sub_0003").path("data").path("version").asLong();
        return false;
    }

    private JsonNode get(String path) throws Exception {
        return Json.mapper().readTree(http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer demo-viewer").build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    private java.net.http.HttpHeaders headers(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer demo-viewer")
                .build(), HttpResponse.BodyHandlers.discarding()).headers();
    }

    /** The server's threads by name, numbers dropped ("JettyServerThre" x 40, ...), from /proc/PID/task. */
    private String threadNames() throws Exception {
        Map<String, Integer> names = new java.util.TreeMap<>();
        try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path t : tasks.toList()) {
                try {
                    names.merge(Files.readString(t.resolve("comm")).strip().replaceAll("[-0-9]+$", ""), 1, Integer::sum);
                } catch (java.io.IOException gone) {
                    // the thread ended meanwhile
                }
            }
        }
        return names.toString();
    }

    /** Threads of Jetty's request pool in the server now (grown by connection bursts up to its maximum, idle after). */
    private long jettyPool() throws Exception {
        return threadsNamed(threadNames(), "JettyServerThre");
    }

    private String poolThreads() throws Exception {
        String names = threadNames();
        return threadsNamed(names, "JettyServerThre") + " of them Jetty's request pool, "
                + threadsNamed(names, "concord-events") + " the event hub's";
    }

    /** How many threads {@link #threadNames()} counted under {@code name}; 0 when there are none. */
    private static long threadsNamed(String names, String name) {
        Matcher m = Pattern.compile(Pattern.quote(name) + "=(\\d+)").matcher(names);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    /** User + system CPU time of the server process so far (/proc/PID/stat, clock ticks of 10 ms). */
    private long serverCpuMillis() throws Exception {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10;
    }

    private static long clientCpuMillis() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() / 1_000_000 : -1;
    }

    /** A line of /proc/PID/status as a number (VmRSS in KiB, Threads). */
    private long proc(String field) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.substring(field.length() + 1).replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition, long timeoutMillis) throws InterruptedException {
        long end = System.currentTimeMillis() + timeoutMillis;
        while (!condition.getAsBoolean() && System.currentTimeMillis() < end) {
            Thread.sleep(5);
        }
    }

    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    private static String ms(double micros) {
        return String.format(Locale.ROOT, "%.2f ms", micros / 1000);
    }

    private static String yes(boolean ok) {
        return ok ? "yes" : "**no**";
    }

    private static String loadAverage() {
        return String.format(Locale.ROOT, "%.1f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static void log(String what) {
        System.out.println("[bench] " + Instant.now() + " " + what);
    }

    /** The "streams" section of results.json; other sections are kept. */
    private void write(Path out) throws Exception {
        Path file = out.resolve("results.json");
        Map<String, Object> root = new LinkedHashMap<>();
        if (Files.exists(file)) {
            Json.mapper().readTree(file.toFile()).fields().forEachRemaining(e -> root.put(e.getKey(), e.getValue()));
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("runAt", Instant.now().toString());
        doc.put("patchRatePerSecond", patchRate);
        doc.put("results", results);
        doc.put("table", table);
        root.put("streams", doc);
        Files.writeString(file, Json.mapper().writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root));
        System.out.println(String.join("\n", table));
    }
}
