package dev.concord.bench;

import dev.concord.server.ConcordServer;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The write path's rows (issue 16 part 3) for one database: PATCH and POST, each without and with an
 * Idempotency-Key (every write of the console and the CLI has one), next to their baselines from the
 * same run, (a) the bare JDBC statements (conditional UPDATE + change-log INSERT; INSERT + change-log INSERT)
 * and (b) a no-op HTTP round trip ({@code GET /health}) on the same server and client.
 * Targets: p50 at most 1.3 x (a + b), p99 at most 1.5 x (a + b), each percentile of each measured alone.
 */
final class WritePathRows {
    static final double P50_TARGET = 1.3;
    static final double P99_TARGET = 1.5;

    private WritePathRows() {
    }

    /** Measures, adds the rows to {@code section} and returns the figures for results.json. */
    static Map<String, Object> measure(String backend, ConcordServer server, int threads, Duration warmup, Duration measure,
                                       BenchSection section) throws Exception {
        // Interleaved: each operation runs in short windows taken in turn (the order rotating every round), so
        // on a shared machine whose load moves from minute to minute every figure and its baselines see the
        // same load; measured one after the other, 11 s each, a ratio compared two different machines.
        Map<String, SteadyRounds.Window> ops = new LinkedHashMap<>();
        ops.put("JDBC UPDATE + log", (w, m) -> WritePath.jdbc(server.config(), threads, w, m));
        ops.put("GET /health", (w, m) -> WritePath.health(server, threads, w, m));
        ops.put("PATCH", (w, m) -> WritePath.patch(List.of(server), threads, w, m));
        ops.put("PATCH with key", (w, m) -> WritePath.patch(List.of(server), threads, w, m, true));
        ops.put("JDBC INSERT + log", (w, m) -> WritePath.jdbcCreate(server.config(), threads, w, m));
        ops.put("POST create", (w, m) -> WritePath.create(server, threads, w, m));
        ops.put("POST with key", (w, m) -> WritePath.create(server, threads, w, m, true));
        ops.put("GET of the record", (w, m) -> WritePath.getRecord(server, threads, w, m));
        SteadyRounds.Result phases = SteadyRounds.run(backend, ops, warmup, measure);
        Map<String, Load.Stats> stats = phases.steady().stats();
        Load.Stats jdbc = stats.get("JDBC UPDATE + log");
        Load.Stats health = stats.get("GET /health");
        Load.Stats patch = stats.get("PATCH");
        Load.Stats keyed = stats.get("PATCH with key");
        Load.Stats jdbcCreate = stats.get("JDBC INSERT + log");
        Load.Stats create = stats.get("POST create");
        Load.Stats createKeyed = stats.get("POST with key");
        Load.Stats get = stats.get("GET of the record");

        Map<String, Object> r = new LinkedHashMap<>();
        r.put("benchmark", "write-path");
        r.put("backend", backend);
        r.put("threads", threads);
        r.put("patch", patch);
        r.put("patchWithIdempotencyKey", keyed);
        r.put("jdbcUpdatePlusLog", jdbc);
        r.put("create", create);
        r.put("createWithIdempotencyKey", createKeyed);
        r.put("jdbcInsertPlusLog", jdbcCreate);
        r.put("healthRoundTrip", health);
        r.put("jitQuietAfterSeconds", phases.quietAfterSeconds());
        r.put("jitQuietCapped", phases.capped());
        r.put("compileMsPerSecondMeasured", phases.steady().compileMsPerSecond());
        r.put("compileMsPerSecondEarly", phases.early().compileMsPerSecond());
        r.put("getRecordDiagnostic", get);
        // Every row counts: a billing job may send no key, but every write of the console and the CLI has one.
        boolean met = rows(section, backend + ", " + threads + " threads: PATCH", patch, "JDBC UPDATE + log", jdbc, health, r, "patch")
                & rows(section, backend + ", " + threads + " threads: PATCH with an Idempotency-Key (as the console and CLI send)",
                        keyed, "JDBC UPDATE + log", jdbc, health, r, "patchWithKey")
                & rows(section, backend + ": POST create", create, "JDBC INSERT + log", jdbcCreate, health, r, "create")
                & rows(section, backend + ": POST create with an Idempotency-Key (as the console and CLI send)", createKeyed,
                        "JDBC INSERT + log", jdbcCreate, health, r, "createWithKey");
        r.put("target", "p50 <= " + P50_TARGET + " x (JDBC p50 + health p50), p99 <= " + P99_TARGET + " x (JDBC p99 + health p99)");
        r.put("met", met);
        section.add(String.format(Locale.ROOT, "| Write path, %s: throughput | %.0f PATCH/s, %.0f POST/s | JDBC %.0f updates/s, %.0f inserts/s; /health %.0f/s | %.2f, %.2f of JDBC | | |",
                backend, patch.perSecond(), create.perSecond(), jdbc.perSecond(), jdbcCreate.perSecond(), health.perSecond(),
                patch.perSecond() / jdbc.perSecond(), create.perSecond() / jdbcCreate.perSecond()));
        section.add(String.format(Locale.ROOT, "| Write path, %s: diagnostic, GET of the same records | p50 %s, p99 %s | /health p50 %s | %.2f of /health | | |",
                backend, micros(get.p50Micros()), micros(get.p99Micros()), micros(health.p50Micros()), get.p50Micros() / health.p50Micros()));
        section.add(String.format(Locale.ROOT, "| Write path, %s: how the rounds above were warmed up | %s | | | | |",
                backend, phases.describe()));
        section.add(earlyRow(backend, phases.early(), r));
        long errors = patch.errors() + keyed.errors() + create.errors() + createKeyed.errors() + jdbc.errors() + jdbcCreate.errors() + health.errors() + get.errors();
        if (errors > 0) {
            section.add(String.format(Locale.ROOT, "| Write path, %s: failed operations | %d PATCH (%d with key), %d POST | JDBC %d + %d, /health %d | | 0 | **no** |",
                    backend, patch.errors() + keyed.errors(), keyed.errors(), create.errors() + createKeyed.errors(), jdbc.errors(), jdbcCreate.errors(), health.errors()));
        }
        return r;
    }

    /**
     * Diagnostic: the ratios as measured until 2026-12-01, in rounds right after a 3 s warm-up per operation (the
     * JIT still compiling), the first half of the rounds; kept beside the figures of record as the dialog bench kept
     * its old way of timing.
     */
    private static String earlyRow(String backend, SteadyRounds.Phase early, Map<String, Object> r) {
        Map<String, Load.Stats> s = early.stats();
        Load.Stats health = s.get("GET /health");
        StringBuilder out = new StringBuilder();
        String[][] pairs = {{"PATCH", "JDBC UPDATE + log"}, {"PATCH with key", "JDBC UPDATE + log"},
                {"POST create", "JDBC INSERT + log"}, {"POST with key", "JDBC INSERT + log"}};
        Map<String, Object> ratios = new LinkedHashMap<>();
        for (String[] p : pairs) {
            Load.Stats op = s.get(p[0]);
            Load.Stats jdbc = s.get(p[1]);
            double r50 = op.p50Micros() / (jdbc.p50Micros() + health.p50Micros());
            double r99 = op.p99Micros() / (jdbc.p99Micros() + health.p99Micros());
            ratios.put(p[0], Map.of("ratioP50", r50, "ratioP99", r99, "p50Micros", op.p50Micros()));
            out.append(out.length() == 0 ? "" : "; ").append(String.format(Locale.ROOT, "%s %.2f / %.2f", p[0], r50, r99));
        }
        r.put("earlyRatios", ratios);
        return String.format(Locale.ROOT, "| Write path, %s: diagnostic, as measured before 2026-12-01 (%d rounds right"
                + " after a 3 s warm-up, JIT still compiling), p50 / p99 ratios | %s | JDBC UPDATE + log p50 %s, INSERT + log"
                + " p50 %s, /health p50 %s (same rounds) | | | |", backend, early.rounds(), out,
                micros(s.get("JDBC UPDATE + log").p50Micros()), micros(s.get("JDBC INSERT + log").p50Micros()),
                micros(health.p50Micros()));
    }

    /** The p50 and p99 rows of one operation; true when both targets are met. */
    private static boolean rows(BenchSection section, String what, Load.Stats op, String jdbcName, Load.Stats jdbc,
                                Load.Stats health, Map<String, Object> r, String key) {
        double base50 = jdbc.p50Micros() + health.p50Micros();
        double base99 = jdbc.p99Micros() + health.p99Micros();
        double ratio50 = op.p50Micros() / base50;
        double ratio99 = op.p99Micros() / base99;
        r.put(key + "RatioP50", ratio50);
        r.put(key + "RatioP99", ratio99);
        section.add(String.format(Locale.ROOT, "| Write path, %s p50 | %s | %s %s + /health %s = %s | %.2f | <= %.1f | %s |",
                what, micros(op.p50Micros()), jdbcName, micros(jdbc.p50Micros()), micros(health.p50Micros()), micros(base50),
                ratio50, P50_TARGET, yes(ratio50 <= P50_TARGET)));
        section.add(String.format(Locale.ROOT, "| Write path, %s p99 | %s | %s %s + /health %s = %s | %.2f | <= %.1f | %s |",
                what, micros(op.p99Micros()), jdbcName, micros(jdbc.p99Micros()), micros(health.p99Micros()), micros(base99),
                ratio99, P99_TARGET, yes(ratio99 <= P99_TARGET)));
        return ratio50 <= P50_TARGET && ratio99 <= P99_TARGET;
    }

    static String micros(double us) {
        return us >= 1000 ? String.format(Locale.ROOT, "%.2f ms", us / 1000) : String.format(Locale.ROOT, "%.0f µs", us);
    }

    static String yes(boolean ok) {
        return ok ? "yes" : "**no**";
    }

    private static void log(String what) {
        System.out.println("[bench] " + java.time.Instant.now() + " " + what);
    }
}
