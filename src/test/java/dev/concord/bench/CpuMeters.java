package dev.concord.bench;

import dev.concord.server.ServerConfig;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@link WriteCost}'s meters: CPU time of this JVM's threads by name (GC and JIT threads too, from
 * {@code /proc/self/task}), of PostgreSQL's processes, and bytes allocated by the other threads.
 */
final class CpuMeters {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private final long postmaster;

    CpuMeters(long postmaster) {
        this.postmaster = postmaster;
    }

    static long allocatedByOthers(long me) {
        long sum = 0;
        for (long id : THREADS.getAllThreadIds()) {
            if (id != me) {
                long a = THREADS.getThreadAllocatedBytes(id);
                sum += Math.max(a, 0);
            }
        }
        return sum;
    }

    /** User and system ticks of every thread of this JVM (GC and JIT threads too), by name with digits folded. */
    static Map<String, long[]> taskTicks() {
        Map<String, long[]> out = new java.util.TreeMap<>();
        try (var dir = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : dir.toList()) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("[0-9]+", "#");
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long[] t = out.computeIfAbsent(name, k -> new long[2]);
                    t[0] += Long.parseLong(f[11]);
                    t[1] += Long.parseLong(f[12]);
                } catch (IOException | RuntimeException e) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out;
    }

    static String perGroup(Map<String, long[]> before, Map<String, long[]> after, int n) {
        StringBuilder sb = new StringBuilder();
        after.forEach((name, t) -> {
            long[] b = before.getOrDefault(name, new long[2]);
            long user = (t[0] - b[0]) * 10_000L;
            long sys = (t[1] - b[1]) * 10_000L;
            if (user + sys > 0) {
                sb.append(String.format(Locale.ROOT, " [%s %.0f+%.0f]", name, user / (double) n, sys / (double) n));
            }
        });
        return sb.toString();
    }

    /** PostgreSQL's postmaster: the parent of a backend of ours. */
    static long postmaster(ServerConfig config) throws Exception {
        try (Connection c = DriverManager.getConnection(config.effectiveJdbcUrl(), config.dbUser(), config.dbPassword());
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return ProcessHandle.of(rs.getLong(1)).flatMap(ProcessHandle::parent).map(ProcessHandle::pid).orElse(-1L);
        }
    }

    /** User + system CPU of the postmaster and every live child (backends, WAL writer, checkpointer...). */
    long pgCpuNanos() {
        if (postmaster <= 0) {
            return -1;
        }
        long ticks = ticks(postmaster);
        for (ProcessHandle child : ProcessHandle.of(postmaster).map(p -> p.children().toList()).orElse(List.of())) {
            ticks += ticks(child.pid());
        }
        return ticks * 10_000_000L; // USER_HZ = 100
    }

    private static long ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

}
