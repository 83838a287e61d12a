package dev.concord.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One section of a benchmark run: notes the load average when it starts and ends (the machine is shared, so
 * a figure means little without it) and writes its own table, with that load, to {@code <out>/<name>.md}.
 */
final class BenchSection {
    static final String HEADER = "| Benchmark | Figure | Baseline (same run) | Ratio | Target | Met |\n|---|---|---|---|---|---|";

    private final String name;
    private final String title;
    private final String loadAtStart;
    private final Instant started = Instant.now();
    private final List<String> rows = new ArrayList<>();

    BenchSection(String name, String title) {
        this.name = name;
        this.title = title;
        this.loadAtStart = loadAverage();
        System.out.println("[bench] " + started + " section " + name + " starts; load average " + loadAtStart);
    }

    void add(String row) {
        rows.add(row);
    }

    List<String> rows() {
        return rows;
    }

    /** Writes {@code <out>/<name>.md} and returns the rows for the run's whole table. */
    List<String> finish(Path out) throws IOException {
        String loadAtEnd = loadAverage();
        Instant ended = Instant.now();
        System.out.println("[bench] " + ended + " section " + name + " ends; load average " + loadAtEnd);
        String text = "## " + title + "\n\n" + "Run " + started + " to " + ended + " on "
                + Runtime.getRuntime().availableProcessors() + " cores; load average (1, 5, 15 min) at start "
                + loadAtStart + ", at end " + loadAtEnd + ".\n\n" + HEADER + "\n" + String.join("\n", rows) + "\n";
        Files.createDirectories(out);
        Files.writeString(out.resolve(name + ".md"), text);
        return rows;
    }

    /** The 1, 5 and 15 minute load averages, as uptime prints them. */
    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + ", " + parts[1] + ", " + parts[2];
        } catch (IOException | RuntimeException e) {
            return String.format(java.util.Locale.ROOT, "%.2f (1 min)",
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }
}
