package dev.concord.bench;

import dev.concord.server.ConcordServer;
import dev.concord.server.ServerConfig;
import dev.concord.testing.EmbeddedPostgresFixture;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * What a write costs, in figures that do not depend on the machine's load (issue 16 part 3): CPU time per
 * request of the server's JVM and of PostgreSQL's processes, bytes allocated per request, and database
 * round trips and statements per request, one client thread, requests back to back. Next to the same for the
 * raw JDBC baseline and {@code GET /health}. Diagnostic, not part of {@code ./launcher bench}: after
 * {@code mvn -B -ntp -q test-compile}, {@code java -cp target/test-classes:target/classes:<test class path>
 * dev.concord.bench.WriteCost pg 2500} (args: h2|pg, requests per operation; {@code -Dcost.only=PATCH} for one
 * operation, {@code -Dcost.noRoundTrips=true} to skip counting them). BENCHMARKS.md has its figures.
 */
final class WriteCost {
    private static final MediaType JSON = MediaType.get("application/json");
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private final OkHttpClient http = WritePath.http(1);
    private final ConcordServer server;
    private final ServerConfig config;
    private final long postmaster;
    private final CpuMeters meters;
    private final long[] versions = new long[WritePath.RECORDS_PER_THREAD];
    private long counter;

    private WriteCost(ConcordServer server, ServerConfig config, long postmaster) {
        this.server = server;
        this.config = config;
        this.postmaster = postmaster;
        this.meters = new CpuMeters(postmaster);
    }

    public static void main(String[] args) throws Exception {
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        boolean pg = args.length == 0 || args[0].equals("pg");
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 3000;
        ServerConfig config;
        if (pg) {
            EmbeddedPostgresFixture.PgDatabase db = EmbeddedPostgresFixture.freshDatabase();
            config = ServerConfig.demoOn(db.jdbcUrl(), db.user(), db.password());
        } else {
            config = ServerConfig.demo(Files.createTempDirectory("write-cost"));
        }
        try (ConcordServer server = ConcordServer.start(config)) {
            WriteCost cost = new WriteCost(server, config, pg ? CpuMeters.postmaster(config) : -1);
            cost.run(n);
        }
        System.exit(0);
    }

    private void run(int n) throws Exception {
        System.out.printf(Locale.ROOT, "load average %.2f; %s%n", OS.getSystemLoadAverage(), config.effectiveJdbcUrl().split("\\?")[0]);
        for (int i = 0; i < versions.length; i++) {
            versions[i] = WritePathVersion.of(http, server, WritePath.recordId(0, i));
        }
        List<String> lines = new ArrayList<>();
        lines.add(encoding());
        try (Connection jdbc = DriverManager.getConnection(config.effectiveJdbcUrl(),
                config.dbUser() == null ? "" : config.dbUser(), config.dbPassword() == null ? "" : config.dbPassword())) {
            jdbc.setAutoCommit(false);
            JdbcBaseline baseline = new JdbcBaseline(jdbc, WritePath.recordId(1, 0));
            Map<String, Op> ops = new java.util.LinkedHashMap<>();
            ops.put("PATCH", () -> patch(false));
            ops.put("PATCH keyed", () -> patch(true));
            ops.put("POST", () -> post(false));
            ops.put("POST keyed", () -> post(true));
            ops.put("GET", this::get);
            ops.put("/health", this::health);
            ops.put("JDBC UPDATE+log", baseline::update);
            // -Dcost.only=PATCH: that operation alone (to profile it with JFR).
            String only = System.getProperty("cost.only");
            if (only != null) {
                ops.keySet().retainAll(List.of(only.split(",")));
            }
            // Warm up every operation first (JIT), then measure each.
            for (int round = 0; round < 2; round++) {
                for (Op op : ops.values()) {
                    for (int i = 0; i < n; i++) {
                        op.run();
                    }
                }
            }
            for (Map.Entry<String, Op> e : ops.entrySet()) {
                lines.add(measure(e.getKey(), e.getValue(), n));
            }
            if (postmaster > 0 && !Boolean.getBoolean("cost.noRoundTrips")) {
                for (Map.Entry<String, Op> e : ops.entrySet()) {
                    lines.add(roundTrips(e.getKey(), e.getValue(), 200));
                }
            }
        }
        lines.forEach(System.out::println);
        System.out.printf(Locale.ROOT, "load average %.2f%n", OS.getSystemLoadAverage());
    }

    @FunctionalInterface
    private interface Op {
        void run() throws Exception;
    }

    private String measure(String name, Op op, int n) throws Exception {
        System.gc();
        long me = Thread.currentThread().getId();
        long process0 = OS.getProcessCpuTime();
        long client0 = THREADS.getCurrentThreadCpuTime();
        long pg0 = meters.pgCpuNanos();
        long alloc0 = CpuMeters.allocatedByOthers(me);
        Map<String, long[]> tasks0 = CpuMeters.taskTicks();
        long wall0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            op.run();
        }
        long wall = System.nanoTime() - wall0;
        Map<String, long[]> tasks1 = CpuMeters.taskTicks();
        long client = THREADS.getCurrentThreadCpuTime() - client0;
        long process = OS.getProcessCpuTime() - process0;
        long pg = meters.pgCpuNanos() - pg0;
        long alloc = CpuMeters.allocatedByOthers(me) - alloc0;
        return String.format(Locale.ROOT, "%-16s wall %6.0f us/op | JVM cpu %6.0f us/op (client thread %5.0f, rest %6.0f)"
                        + " | PG cpu %5.0f us/op | alloc by other threads %6.1f KiB/op",
                name, wall / 1e3 / n, process / 1e3 / n, client / 1e3 / n, (process - client) / 1e3 / n,
                pg < 0 ? Double.NaN : pg / 1e3 / n, alloc / 1024.0 / n) + "\n    threads (user+sys us/op): " + CpuMeters.perGroup(tasks0, tasks1, n);
    }

    /** Counts the PostgreSQL driver's protocol messages per thread (its FINEST log: " FE=> Sync" etc.). */
    private String roundTrips(String name, Op op, int n) throws Exception {
        java.util.logging.Logger driver = java.util.logging.Logger.getLogger("org.postgresql");
        Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
        Handler h = new Handler() {
            @Override
            public void publish(LogRecord r) {
                String m = r.getMessage();
                if (m == null) {
                    return;
                }
                String kind = m.contains("FE=> Sync") ? "sync" : m.contains("FE=> Parse") ? "parse"
                        : m.contains("FE=> Execute") ? "execute" : null;
                if (kind != null) {
                    String thread = Thread.currentThread().getName().replaceAll("[0-9]+", "#");
                    counts.computeIfAbsent(kind + " @" + thread, k -> new AtomicLong()).incrementAndGet();
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        h.setLevel(Level.ALL);
        driver.setLevel(Level.FINEST);
        driver.addHandler(h);
        try {
            for (int i = 0; i < n; i++) {
                op.run();
            }
            Thread.sleep(300); // the event reader's pass after the last write
        } finally {
            driver.removeHandler(h);
            driver.setLevel(Level.INFO);
        }
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-16s per op:", name));
        new java.util.TreeMap<>(counts).forEach((k, v) -> sb.append(String.format(Locale.ROOT, "  %s %.2f", k, v.get() / (double) n)));
        return sb.toString();
    }

    /** A PATCH; {@code keyed}: with a fresh Idempotency-Key, as the console and the CLI send every write. */
    private void patch(boolean keyed) throws IOException {
        int i = (int) (counter++ % WritePath.RECORDS_PER_THREAD);
        String id = WritePath.recordId(0, i);
        String body = "{\"version\":" + versions[i] + ",\"changes\":{\"customerName\":\"Cost " + counter + "\"}}";
        Request.Builder request = new Request.Builder().url(server.baseUrl() + "/api/v1/subscriptions/" + id)
                .header("Authorization", "Bearer demo-alice").patch(RequestBody.create(body, JSON));
        if (keyed) {
            request.header("Idempotency-Key", java.util.UUID.randomUUID().toString());
        }
        try (Response r = http.newCall(request.build()).execute()) {
            String text = r.body().string();
            if (r.code() != 200) {
                throw new IOException("PATCH " + r.code() + " " + text);
            }
            versions[i] = Long.parseLong(r.header("ETag").replace("\"", ""));
        }
    }

    private void post(boolean keyed) throws IOException {
        String body = "{\"customerName\":\"Cost create " + (counter++) + "\",\"customerEmail\":\"bench@example.com\","
                + "\"planId\":\"plan_basic\",\"status\":\"active\",\"amount\":\"19.99\",\"currency\":\"EUR\","
                + "\"billingCycle\":\"monthly\"}";
        Request.Builder request = new Request.Builder().url(server.baseUrl() + "/api/v1/subscriptions")
                .header("Authorization", "Bearer demo-alice").post(RequestBody.create(body, JSON));
        if (keyed) {
            request.header("Idempotency-Key", java.util.UUID.randomUUID().toString());
        }
        try (Response r = http.newCall(request.build()).execute()) {
            String text = r.body().string();
            if (r.code() != 201) {
                throw new IOException("POST " + r.code() + " " + text);
            }
        }
    }

    private void get() throws IOException {
        String id = WritePath.recordId(0, (int) (counter++ % WritePath.RECORDS_PER_THREAD));
        Request request = new Request.Builder().url(server.baseUrl() + "/api/v1/subscriptions/" + id)
                .header("Authorization", "Bearer demo-alice").get().build();
        try (Response r = http.newCall(request).execute()) {
            r.body().string();
            if (r.code() != 200) {
                throw new IOException("GET " + r.code());
            }
        }
    }

    private void health() throws IOException {
        Request request = new Request.Builder().url(server.baseUrl() + "/health").get().build();
        try (Response r = http.newCall(request).execute()) {
            r.body().string();
        }
    }

    /** How a GET of one record travels to a client that accepts gzip (as OkHttp, the console's client, does). */
    private String encoding() throws Exception {
        var client = java.net.http.HttpClient.newHttpClient();
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.baseUrl() + "/api/v1/subscriptions/"
                + WritePath.recordId(0, 0))).header("Authorization", "Bearer demo-alice").header("Accept-Encoding", "gzip").build();
        var r = client.send(request, java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        return "GET of one record with Accept-Encoding gzip: " + r.body().length + " bytes, Content-Encoding "
                + r.headers().firstValue("Content-Encoding").orElse("none");
    }

    /** The bench's baseline (a), one row: conditional UPDATE + change-log INSERT, one transaction. */
    private static final class JdbcBaseline {
        private final Connection c;
        private final String id;
        private long version;
        private long n;

        JdbcBaseline(Connection c, String id) throws SQLException {
            this.c = c;
            this.id = id;
            version = WritePath.version(c, id);
            c.commit();
        }

        void update() throws SQLException {
            if (!WritePath.jdbcUpdate(c, id, version, "Jdbc " + (n++))) {
                throw new SQLException("stale");
            }
            c.commit();
            version++;
        }
    }

    /** The current version of a record, from its ETag. */
    private static final class WritePathVersion {
        static long of(OkHttpClient http, ConcordServer server, String id) throws IOException {
            Request request = new Request.Builder().url(server.baseUrl() + "/api/v1/subscriptions/" + id)
                    .header("Authorization", "Bearer demo-viewer").get().build();
            try (Response r = http.newCall(request).execute()) {
                r.body().string();
                return Long.parseLong(r.header("ETag").replace("\"", ""));
            }
        }
    }
}
