package dev.concord.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The write path's operations in interleaved windows (each operation in short windows taken in turn, the order
 * rotating every round, so every figure and its baselines see the same load on a shared machine), in two phases:
 *
 * <ol>
 *   <li><b>early</b>, the method used until 2026-12-01 (a diagnostic now): the first round warms each operation up
 *   for {@code warmup} (3 s), then {@code bench.earlyRounds} (2) rounds are measured (the old method pooled 8). A server measured this way is
 *   still being compiled: after the 3 s C2 was still compiling hundreds of methods a second on 2 cores (issue 16,
 *   serverperf4), which costs the measured requests CPU that a server up for minutes no longer spends;</li>
 *   <li><b>steady</b>, the figures of record: every operation keeps running in 1 s windows, unmeasured, until the
 *   JIT is quiet (the total compilation time of this JVM, the server's included since it runs in process, grew
 *   less than {@code bench.jitQuietMs} (20) ms per second over a whole cycle of windows, one per operation; at most
 *   {@code bench.jitQuietCap} (20) s), then {@code bench.rounds} (4) rounds are measured. The compilation time is
 *   the compiler threads' elapsed time, so on a loaded machine the same work reads higher. Baselines and product get
 *   the same warm-up, since they run in the same cycle.</li>
 * </ol>
 * The compiler's time per second of each phase is kept, so the table says how quiet each phase really was.
 */
final class SteadyRounds {
    /** One measured window of an operation: warm-up, then the measured time. */
    @FunctionalInterface
    interface Window {
        Load.Stats run(Duration warmup, Duration measure) throws Exception;
    }

    /** The pooled figures of a phase's rounds, and the JIT's compilation time per wall second while they ran. */
    record Phase(int rounds, Map<String, Load.Stats> stats, double compileMsPerSecond) {
    }

    /** Both phases, and how long the warm-up to a quiet JIT took (whether it hit the cap). */
    record Result(Phase early, Phase steady, double quietAfterSeconds, boolean capped, double compileMsWhileWarming) {
        String describe() {
            return String.format(Locale.ROOT, "%s %.0f s more of all operations (%.0f ms compiling); compiler %.1f ms/s"
                    + " during the measured rounds (%.1f ms/s in the rounds after the 3 s warm-up)",
                    capped ? "JIT still compiling at the cap, after" : "JIT quiet after", quietAfterSeconds,
                    compileMsWhileWarming, steady.compileMsPerSecond(), early.compileMsPerSecond());
        }
    }

    private SteadyRounds() {
    }

    static Result run(String backend, Map<String, Window> ops, Duration warmup, Duration measure) throws Exception {
        int rounds = Math.max(1, Integer.getInteger("bench.rounds", 4));
        int early = Math.max(1, Integer.getInteger("bench.earlyRounds", 2));
        Duration slice = Duration.ofMillis(Math.max(1000, measure.toMillis() / 8));
        List<String> names = new ArrayList<>(ops.keySet());
        Phase first = rounds(backend, "3 s warm-up", ops, names, early, warmup, slice);

        long quietMs = Long.getLong("bench.jitQuietMs", 20);
        long capMs = Long.getLong("bench.jitQuietCap", 20) * 1000;
        long start = System.nanoTime();
        long compiledBefore = compileMillis();
        // The compiler's time in each of the last windows, one per operation: quiet when their sum is under
        // quietMs per second of them. Single windows are not required to be quiet: a server up for days still
        // compiles a method now and then (a blip of 20-50 ms), which is what it meets, not a warm-up.
        java.util.ArrayDeque<Long> lastCycle = new java.util.ArrayDeque<>();
        boolean quiet = false;
        int i = 0;
        log("write path on " + backend + ": warming up until the JIT is quiet (< " + quietMs + " ms of compilation per"
                + " second over a whole cycle of " + names.size() + " 1 s windows; at most " + capMs / 1000 + " s)");
        while (!quiet && System.nanoTime() - start < capMs * 1_000_000) {
            long before = compileMillis();
            ops.get(names.get(i++ % names.size())).run(Duration.ZERO, Duration.ofSeconds(1));
            long grew = compileMillis() - before;
            lastCycle.addLast(grew);
            if (lastCycle.size() > names.size()) {
                lastCycle.removeFirst();
            }
            quiet = lastCycle.size() == names.size()
                    && lastCycle.stream().mapToLong(Long::longValue).sum() < quietMs * names.size();
            log("write path on " + backend + ": warm-up window " + i + ", compiler " + grew + " ms");
        }
        double warmed = (System.nanoTime() - start) / 1e9;
        boolean capped = !quiet;
        long compiledWarming = compileMillis() - compiledBefore;
        log(String.format(Locale.ROOT, "write path on %s: JIT %s after %.1f s (%d ms compiling)", backend,
                capped ? "still compiling" : "quiet", warmed, compiledWarming));
        Phase second = rounds(backend, "JIT quiet", ops, names, rounds, Duration.ofMillis(300), slice);
        return new Result(first, second, warmed, capped, compiledWarming);
    }

    /** {@code count} rounds, each operation once per round for {@code slice}; the first warm-up is {@code warmup}. */
    private static Phase rounds(String backend, String phase, Map<String, Window> ops, List<String> names, int count,
                                Duration warmup, Duration slice) throws Exception {
        Map<String, List<Load.Stats>> windows = new LinkedHashMap<>();
        names.forEach(n -> windows.put(n, new ArrayList<>()));
        long start = System.nanoTime();
        long compiled = compileMillis();
        for (int round = 0; round < count; round++) {
            log("write path on " + backend + " (" + phase + "): round " + (round + 1) + " of " + count
                    + " (" + String.join(", ", names) + ")");
            for (String name : names) {
                windows.get(name).add(ops.get(name).run(round == 0 ? warmup : Duration.ofMillis(300), slice));
            }
            Collections.rotate(names, 1);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Load.Stats> out = new LinkedHashMap<>();
        ops.keySet().forEach(n -> out.put(n, Load.Stats.merge(windows.get(n))));
        return new Phase(count, out, (compileMillis() - compiled) / seconds);
    }

    /** The JIT's accumulated compilation time in this JVM (the in-process server's included), in ms. */
    static long compileMillis() {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
    }

    private static void log(String what) {
        System.out.println("[bench] " + java.time.Instant.now() + " " + what);
    }
}
