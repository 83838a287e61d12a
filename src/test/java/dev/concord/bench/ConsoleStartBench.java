package dev.concord.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code ./launcher bench}: the console's start-up as an agent sees it, on a real X display (Xvfb, GTK 3),
 * timed from outside: process start to the X server's MapNotify of the first top-level window, and to the
 * subscription list showing rows on screen ({@link RowsOnScreen}). Five runs each, interleaved, of
 * <ul>
 * <li>{@code ./launcher} as in a clone, each run a first-time user (a fresh {@code concord.home}: the
 *     embedded demo server creates and seeds its database) with the class-data-sharing archive the launcher
 *     recorded on its first run (that first, cold run is timed too and reported on its own);</li>
 * <li>the installed app image ({@code ./launcher package}; built here when missing or older than the jar),
 *     a first-time user: its first window is the Connect screen;</li>
 * <li>a JavaFX hello-world ({@link HelloWindow}: one Label, the same JavaFX jars on the module path, the
 *     same {@code java}, no archive of its own), the toolkit's floor.</li>
 * </ul>
 * Writes target/bench/console-start.md and the {@code consoleStart} section of results.json.
 * Alone: {@code mvn -B -ntp -q -Pbench -DskipTests package exec:exec@console-start-bench}.
 */
public final class ConsoleStartBench {
    static final double TARGET_WINDOW_RATIO = 1.2;
    static final double TARGET_DATA_RATIO = 1.5;
    private static final int RUNS = Integer.getInteger("bench.consoleStart.runs", 5);
    private static final long TIMEOUT_MS = 180_000;
    private static final String DISPLAY_ENV = "CONCORD_BENCH_DISPLAY";
    /**
     * Another checkout of Concord, built, whose ./launcher runs in the same rounds (before/after figures of a
     * change under the same load): {@code -Dbench.consoleStart.compareWith=/path/to/checkout}.
     */
    private static final String COMPARE_WITH = System.getProperty("bench.consoleStart.compareWith", "");
    /** JVM options for the compared checkout's console only (with compareWith=. it compares options). */
    private static final String COMPARE_OPTS = System.getProperty("bench.consoleStart.compareJavaOpts", "");

    private final XDisplay display;
    private final Path work;
    private final RowsOnScreen rows;
    private ConsoleStartBench(XDisplay display, Path work) throws Exception {
        this.display = display;
        this.work = work;
        this.rows = new RowsOnScreen(display);
    }

    /** One timed start: ms from process start to its window mapped, and to rows on screen (NaN if not asked). */
    record Start(double mappedMs, double dataMs) {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "target/bench");
        Files.createDirectories(out);
        if (System.getenv(DISPLAY_ENV) != null) {
            System.exit(measure(out));
        }
        // The parent starts the display; the measuring JVM runs on it (AWT reads DISPLAY once, at start).
        if (!XDisplay.ensureTools()) {
            skipped(out, "Xvfb, xdotool or xev missing and could not be installed (apt-get needs root)");
            return;
        }
        Path logs = Files.createDirectories(out.resolve("console-start-logs"));
        try (XDisplay x = XDisplay.start(logs)) {
            log("Xvfb on " + x.name());
            List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Dbench.consoleStart.runs=" + RUNS, "-Dbench.consoleStart.compareWith=" + COMPARE_WITH,
                    "-Dbench.consoleStart.compareJavaOpts=" + COMPARE_OPTS,
                    "-Dbench.consoleStart.installed=" + System.getProperty("bench.consoleStart.installed", "true"), "-cp", System.getProperty("java.class.path"),
                    ConsoleStartBench.class.getName(), out.toString());
            ProcessBuilder child = new ProcessBuilder(command).inheritIO();
            child.environment().put("DISPLAY", x.name());
            child.environment().put(DISPLAY_ENV, x.name());
            int code = child.start().waitFor();
            if (code != 0) {
                throw new IllegalStateException("the console start-up bench failed (exit " + code + ")");
            }
        }
        System.exit(0);
    }

    private static int measure(Path out) throws Exception {
        double loadAtStart = load();
        Path work = Files.createTempDirectory(out.toAbsolutePath(), "console-start-");
        ObjectNode section = new ObjectMapper().createObjectNode();
        try (XDisplay x = XDisplay.watch(System.getenv(DISPLAY_ENV))) {
            ConsoleStartBench bench = new ConsoleStartBench(x, work);
            bench.run(section, loadAtStart);
        }
        new ConsoleStartBench.Writer(out, section).write();
        return 0;
    }

    private void run(ObjectNode section, double loadAtStart) throws Exception {
        Path image = Boolean.parseBoolean(System.getProperty("bench.consoleStart.installed", "true")) ? Installed.ensureImage(work) : null;
        // Builds the jar if the sources changed (as ./launcher would), so that no run below includes a build.
        new ProcessBuilder("./launcher", "--version").inheritIO().start().waitFor();
        log("cold run: ./launcher without its archive (records it as it exits)");
        Files.deleteIfExists(Path.of("target/concord.jsa"));
        Start cold = time(launcher(Path.of("."), ""), true, true);
        Path other = COMPARE_WITH.isBlank() ? null : Path.of(COMPARE_WITH);
        if (other != null && !Files.isSameFile(other, Path.of("."))) {
            new ProcessBuilder("./launcher", "--version").directory(other.toFile()).inheritIO().start().waitFor();
            Files.deleteIfExists(other.resolve("target/concord.jsa"));
            time(launcher(other, ""), true, true);
        }
        if (!Files.exists(Path.of("target/concord.jsa"))) {
            log("warning: the cold run recorded no archive; the warm runs start without one");
        }
        List<Start> hello = new ArrayList<>();
        List<Start> console = new ArrayList<>();
        List<Start> installed = new ArrayList<>();
        List<Start> compared = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            log("round " + (i + 1) + " of " + RUNS + ": hello-world, ./launcher, installed app");
            hello.add(time(helloWorld(), false, false));
            console.add(time(launcher(Path.of("."), ""), true, false));
            if (other != null) {
                compared.add(time(launcher(other, COMPARE_OPTS), true, false));
            }
            if (image != null) {
                installed.add(time(Installed.command(image, freshHome()), false, false));
            }
        }
        section.put("runAt", Instant.now().toString());
        section.put("loadAverage1mAtStart", loadAtStart);
        section.put("loadAverage1mAtEnd", load());
        section.put("runs", RUNS);
        hello.forEach(s -> section.withArray("helloMappedMs").add(s.mappedMs()));
        console.forEach(s -> section.withArray("launcherMappedMs").add(s.mappedMs()));
        console.forEach(s -> section.withArray("launcherDataMs").add(s.dataMs()));
        installed.forEach(s -> section.withArray("installedMappedMs").add(s.mappedMs()));
        if (other != null) {
            section.put("comparedWith", other.toAbsolutePath().normalize() + (COMPARE_OPTS.isBlank() ? "" : " with " + COMPARE_OPTS));
            compared.forEach(s -> section.withArray("comparedMappedMs").add(s.mappedMs()));
            compared.forEach(s -> section.withArray("comparedDataMs").add(s.dataMs()));
        }
        section.put("coldLauncherMappedMs", cold.mappedMs());
        section.put("coldLauncherDataMs", cold.dataMs());
        section.put("installedImage", image == null ? "not built" : image.toString());
    }

    /** Starts {@code command}, waits for its window and (if asked) its rows, then stops it. */
    private Start time(ProcessBuilder command, boolean waitForData, boolean quitCleanly) throws Exception {
        Path log = Files.createTempFile(work, "run-", ".log");
        command.redirectErrorStream(true).redirectOutput(log.toFile());
        display.clear();
        long t0 = System.nanoTime();
        Process p = command.start();
        XDisplay.Mapped mapped = display.nextMapped(TIMEOUT_MS);
        if (mapped == null) {
            p.destroyForcibly();
            throw new IllegalStateException("no window within " + TIMEOUT_MS + " ms: " + command.command() + "\n" + Files.readString(log));
        }
        double mappedMs = (mapped.nanos() - t0) / 1e6;
        double dataMs = Double.NaN;
        if (waitForData) {
            long shown = rows.await(mapped.window(), TIMEOUT_MS);
            if (shown < 0) {
                p.destroyForcibly();
                throw new IllegalStateException("no rows on screen within " + TIMEOUT_MS + " ms: " + command.command()
                        + "\n" + Files.readString(log));
            }
            dataMs = (shown - t0) / 1e6;
        }
        stop(p, mapped.window(), quitCleanly);
        log(String.format(Locale.ROOT, "  %s: window %.0f ms%s", (command.directory() == null ? command.command().get(0).replaceAll(".*/", "")
                : command.directory() + "/launcher " + command.environment().get("CONCORD_JAVA_OPTS").replaceAll("-Dconcord.home=\\S+", "")), mappedMs,
                waitForData ? String.format(Locale.ROOT, ", rows %.0f ms", dataMs) : ""));
        return new Start(mappedMs, dataMs);
    }

    /** Ctrl+Q through the X server when the run must end cleanly (the launcher keeps its archive only then). */
    private void stop(Process p, String window, boolean cleanly) throws Exception {
        if (cleanly) {
            new ProcessBuilder("xdotool", "windowfocus", "--sync", window, "key", "ctrl+q")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start().waitFor(10, TimeUnit.SECONDS);
            // A cold run writes its class-data archive as it exits: ~60 MB, over 30 s on a loaded machine, and a
            // run stopped before it finishes leaves every later run without an archive (as the compared checkout's
            // did in two runs of this session).
            if (p.waitFor(120, TimeUnit.SECONDS)) {
                return;
            }
            log("warning: Ctrl+Q did not end the console; stopping it");
        }
        p.descendants().forEach(ProcessHandle::destroy);
        p.destroy();
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }

    /** {@code ./launcher} of {@code checkout} as in a clone, a first-time user, its embedded server on a free port. */
    private ProcessBuilder launcher(Path checkout, String javaOpts) throws IOException {
        ProcessBuilder pb = new ProcessBuilder("./launcher", "--server", "http://127.0.0.1:" + freePort())
                .directory(checkout.toFile());
        pb.environment().put("CONCORD_JAVA_OPTS", ("-Dconcord.home=" + freshHome() + " " + javaOpts).strip());
        return pb;
    }

    private ProcessBuilder helloWorld() {
        String fx = Stream.of(new File("target/libs").listFiles((d, n) -> n.startsWith("javafx-") && n.contains("-linux")))
                .map(File::getPath).sorted().collect(Collectors.joining(File.pathSeparator));
        return new ProcessBuilder("java", "--module-path", fx, "--add-modules", "javafx.controls",
                "-cp", "target/test-classes", HelloWindow.class.getName());
    }

    private Path freshHome() throws IOException {
        return Files.createTempDirectory(work, "home-");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void skipped(Path out, String why) throws IOException {
        log("not measured: " + why);
        Files.writeString(out.resolve("console-start.md"), "Console start-up on a real display: not measured (" + why + ")\n");
    }

    static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() / 2);
    }

    static void log(String what) {
        System.out.println("[console start] " + Instant.now() + " " + what);
    }

    /** The table (console-start.md) and the {@code consoleStart} section of results.json, other sections kept. */
    private record Writer(Path out, ObjectNode section) {
        void write() throws IOException {
            double hello = median(doubles("helloMappedMs"));
            ArrayNode table = section.putArray("table");
            table.add(row("Console start, real display: first window, `./launcher` (first-time user, warm CDS archive)",
                    doubles("launcherMappedMs"), hello, TARGET_WINDOW_RATIO));
            table.add(row("Console start, real display: rows visible, `./launcher` (same runs)",
                    doubles("launcherDataMs"), hello, TARGET_DATA_RATIO));
            if (!doubles("installedMappedMs").isEmpty()) {
                table.add(row("Console start, real display: first window, installed app image (Connect screen, first-time user)",
                        doubles("installedMappedMs"), hello, TARGET_WINDOW_RATIO));
            }
            if (section.has("comparedWith")) {
                table.add(row("Console start, real display: first window, `./launcher` of " + section.path("comparedWith").asText(),
                        doubles("comparedMappedMs"), hello, TARGET_WINDOW_RATIO));
                table.add(row("Console start, real display: rows visible, `./launcher` of " + section.path("comparedWith").asText(),
                        doubles("comparedDataMs"), hello, TARGET_DATA_RATIO));
            }
            table.add(String.format(Locale.ROOT, "| Console start, real display: `./launcher` cold (no archive yet, records it) | window %.0f ms, rows %.0f ms (1 run) | hello-world %.0f ms | %.2fx / %.2fx | (diagnostic) | |",
                    section.path("coldLauncherMappedMs").asDouble(), section.path("coldLauncherDataMs").asDouble(), hello,
                    section.path("coldLauncherMappedMs").asDouble() / hello, section.path("coldLauncherDataMs").asDouble() / hello));
            ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            Path results = out.resolve("results.json");
            ObjectNode root = Files.exists(results) && json.readTree(results.toFile()) instanceof ObjectNode existing
                    ? existing : json.createObjectNode();
            root.set("consoleStart", section);
            json.writeValue(results.toFile(), root);
            StringBuilder md = new StringBuilder();
            md.append(String.format(Locale.ROOT, "Console start-up on a real display (Xvfb 1440x900, GTK 3; %d runs each, interleaved; "
                            + "load average %.2f at start, %.2f at end, %d cores)%n%n",
                    section.path("runs").asInt(), section.path("loadAverage1mAtStart").asDouble(),
                    section.path("loadAverage1mAtEnd").asDouble(), Runtime.getRuntime().availableProcessors()));
            md.append("| Benchmark | Figure | Baseline (same run) | Ratio | Target | Met |\n|---|---|---|---|---|---|\n");
            table.forEach(r -> md.append(r.asText()).append('\n'));
            md.append(String.format(Locale.ROOT, "%nEach run in ms, in the order run: hello-world %s; ./launcher window %s, rows %s; installed %s%n",
                    rounded("helloMappedMs"), rounded("launcherMappedMs"), rounded("launcherDataMs"), rounded("installedMappedMs")));
            Files.writeString(out.resolve("console-start.md"), md.toString());
            System.out.println();
            System.out.print(md);
        }

        private String row(String what, List<Double> ms, double hello, double targetRatio) {
            double median = median(ms);
            double ratio = median / hello;
            return String.format(Locale.ROOT, "| %s | median %.0f ms (min %.0f, max %.0f, %d runs) | JavaFX hello-world window, median %.0f ms "
                            + "| %.2fx | <= %.1fx | %s |", what, median, Collections.min(ms), Collections.max(ms), ms.size(), hello,
                    ratio, targetRatio, ratio <= targetRatio ? "yes" : "**no**");
        }

        private List<Long> rounded(String field) {
            return doubles(field).stream().map(Math::round).toList();
        }

        private List<Double> doubles(String field) {
            List<Double> values = new ArrayList<>();
            section.path(field).forEach(v -> values.add(v.asDouble()));
            return values;
        }
    }
}
