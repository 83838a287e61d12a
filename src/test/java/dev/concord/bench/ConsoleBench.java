package dev.concord.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.concord.server.ConcordServer;
import dev.concord.server.ServerConfig;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code ./launcher bench}, part 4: the console. Start-up to the first shown window (embedded demo server
 * included) and the resident memory with 10,000 subscriptions loaded, both measured on the real console in
 * child JVMs (headless Monocle, software rendering), and the time to open the conflict dialog on 10k-line
 * notes over the real console (ConsoleDialogBench, in a JVM of its own). Each next to a baseline from the same run. Writes the
 * {@code "console"} section of results.json (other sections kept) with the table rows, which BenchMain
 * puts into the full table. Alone: {@code mvn -B -ntp -Pbench -DskipTests test-compile exec:exec@console-bench};
 * {@code -Dbench.console.jvmArgs="-Xmx256m"} passes JVM options to the consoles it starts.
 */
public final class ConsoleBench {
    static final long TARGET_FIRST_WINDOW_MS = 1500;
    /** Issue 16 part 5. */
    static final long TARGET_RSS_MIB = 200;
    static final long TARGET_DIALOG_MS = 200;
    static final int SUBSCRIPTIONS = 10_000;
    private static final int STARTUP_RUNS = 5;
    private static final int DIALOG_RUNS = 6;
    private static final List<String> HEADLESS = List.of("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless",
            "-Dprism.order=sw", "-Djava.awt.headless=true");
    private static final Pattern SHOWN = Pattern.compile("concord: first window shown after (\\d+) ms");
    private static final Pattern MEMORY = Pattern.compile("concord: memory (\\S+) rows=(\\d+) rssKiB=(-?\\d+) heapUsedBytes=(\\d+) heapCommittedBytes=(\\d+) nonHeapCommittedBytes=(\\d+)"
            + " metaspaceUsedBytes=(\\d+) classSpaceUsedBytes=(\\d+) codeCacheUsedBytes=(\\d+) rssAnonKiB=(-?\\d+) rssFileKiB=(-?\\d+) threads=(\\d+)");

    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final ObjectNode section = json.createObjectNode();
    private final ArrayNode rows = section.putArray("table");
    private final String classPath;
    /** The class path of the memory figures: the product's own, as ./launcher and the installed app run it. */
    private final String productClassPath;

    ConsoleBench() {
        // The product's class path plus the test jars (Monocle comes from there); not the test classes,
        // whose resources could change how the console configures itself.
        classPath = Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> !e.endsWith("test-classes") && !e.endsWith("test-classes/"))
                .collect(Collectors.joining(File.pathSeparator));
        productClassPath = productClassPath(classPath);
    }

    /**
     * The runtime libraries (those the build copies to target/libs, as the jar's manifest names them) and the
     * classes, plus Monocle for the headless screen: not the ~100 test-only jars (JUnit, TestFX, ArchUnit,
     * embedded PostgreSQL, ...). Each jar the JVM opened keeps its directory in the heap, and a look-up of a
     * resource that does not exist opens them all: with the test jars the console held ~6 MiB more heap than
     * ./launcher's. Without target/libs (no package yet) the whole class path, with a warning.
     */
    private static String productClassPath(String classPath) {
        Path libs = Path.of("target", "libs");
        if (!Files.isDirectory(libs)) {
            log("WARNING: no target/libs (run mvn package first): the memory figures use the test class path");
            return classPath;
        }
        return Stream.of(classPath.split(File.pathSeparator))
                .filter(e -> !e.endsWith(".jar") || Files.exists(libs.resolve(Path.of(e).getFileName()))
                        || Path.of(e).getFileName().toString().contains("monocle"))
                .collect(Collectors.joining(File.pathSeparator));
    }

    /** A class that does nothing: JVM start-up and exit, the floor of any Java program's start. */
    public static final class Trivial {
        public static void main(String[] args) {
            System.out.println("started after " + (System.currentTimeMillis()
                    - ManagementFactory.getRuntimeMXBean().getStartTime()) + " ms");
        }
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "target/bench");
        Files.createDirectories(out);
        Path work = Files.createTempDirectory(out, "console-");
        ConsoleBench bench = new ConsoleBench();
        try {
            bench.section.put("runAt", Instant.now().toString());
            bench.section.put("loadAverage1mAtStart", load());
            log("load average (1 min) at start: " + load());
            Path home = work.resolve("home");
            // -Dbench.console.parts=memory,dialog runs only those parts (when working on one figure); all by default.
            List<String> parts = List.of(System.getProperty("bench.console.parts", "startup,memory,without,dialog").split(","));
            if (parts.contains("startup")) {
                bench.startUp(home);
            }
            if (parts.contains("memory")) {
                bench.memory(home);
            }
            if (parts.contains("without")) {
                bench.withoutEmbeddedServer(home, work.resolve("home-2"));
            }
            if (parts.contains("dialog")) {
                bench.dialog();
            }
            bench.section.put("loadAverage1mAtEnd", load());
            log("load average (1 min) at end: " + load());
        } finally {
            deleteTree(work);
        }
        bench.write(out);
        System.exit(0);
    }

    private void startUp(Path home) throws Exception {
        log("start-up baselines: a trivial class, then --version");
        List<Double> trivial = new ArrayList<>();
        List<Double> version = new ArrayList<>();
        for (int i = 0; i < STARTUP_RUNS; i++) {
            trivial.add(timeToExit(System.getProperty("java.class.path"), List.of(Trivial.class.getName())));
            version.add(timeToExit(classPath, List.of("dev.concord.app.Main", "--version")));
        }
        log("start-up of the console to its first window, " + (STARTUP_RUNS + 1) + " runs");
        // The first run creates the database and seeds the demo data; the others start on existing data.
        Launch first = launchConsole(home, false);
        List<Double> wall = new ArrayList<>();
        List<Double> inJvm = new ArrayList<>();
        for (int i = 0; i < STARTUP_RUNS; i++) {
            Launch l = launchConsole(home, false);
            wall.add(l.wallMs());
            inJvm.add(l.shownAfterJvmStartMs());
        }
        double median = median(wall);
        ObjectNode s = section.putObject("startUp");
        s.put("runs", STARTUP_RUNS);
        s.putPOJO("consoleWallMs", wall);
        s.putPOJO("consoleSinceJvmStartMs", inJvm);
        s.put("consoleWallMedianMs", median);
        s.put("firstLaunchFreshHomeWallMs", first.wallMs());
        s.putPOJO("trivialClassWallMs", trivial);
        s.putPOJO("versionWallMs", version);
        s.put("targetMs", TARGET_FIRST_WINDOW_MS);
        s.put("met", median < TARGET_FIRST_WINDOW_MS);
        row(String.format(Locale.ROOT, "| Console: start-up to first window, headless Monocle (diagnostic; the real display is ConsoleStartBench), embedded server included (median of %d) | %.0f ms "
                        + "(%.0f ms after JVM start; first launch on a fresh folder %.0f ms) | trivial class %.0f ms, `--version` %.0f ms "
                        + "(process start to exit) | %.1fx trivial | < %d ms | %s |",
                STARTUP_RUNS, median, median(inJvm), first.wallMs(), median(trivial), median(version), median / median(trivial),
                TARGET_FIRST_WINDOW_MS, yes(median < TARGET_FIRST_WINDOW_MS)));
    }

    private void memory(Path home) throws Exception {
        log("memory: seeding " + SUBSCRIPTIONS + " subscriptions, then loading them all into the console's list");
        seed(home.resolve("server"));
        Launch l = launchConsole(home, true, freeLocalUrl(), productClassPath);
        Map<String, long[]> mem = l.memory();
        long[] firstPage = mem.get("first-page");
        long[] all = mem.get("all-loaded");
        if (firstPage == null || all == null) {
            throw new IllegalStateException("the console did not report its memory: " + l.output());
        }
        if (Boolean.getBoolean("bench.console.showOutput")) {
            // For what-if runs with -XX:NativeMemoryTracking=summary -XX:+PrintNMTStatistics in bench.console.jvmArgs:
            // the JVM's own account of where the resident memory is, printed by the console as it exits.
            System.out.println(l.output());
        }
        double rssMiB = all[1] / 1024.0;
        boolean met = rssMiB < TARGET_RSS_MIB && all[0] == SUBSCRIPTIONS;
        ObjectNode m = section.putObject("memory");
        m.put("subscriptions", SUBSCRIPTIONS);
        m.put("rowsLoaded", all[0]);
        m.put("rssMiB", rssMiB);
        m.put("heapUsedAfterGcMiB", all[2] / 1048576.0);
        m.put("firstPageRows", firstPage[0]);
        m.put("firstPageRssMiB", firstPage[1] / 1024.0);
        m.put("firstPageHeapUsedAfterGcMiB", firstPage[2] / 1048576.0);
        m.put("loadAllPagesMs", l.wallMs() - l.shownWallMs());
        m.put("targetMiB", TARGET_RSS_MIB);
        m.put("met", met);
        breakdown(m, all);
        row(String.format(Locale.ROOT, "| Console: resident memory with %,d subscriptions loaded in the list (embedded server included; the product's class path) | "
                        + "RSS %.0f MiB; %s (%,d rows in %.1f s) | first page (%d rows): RSS %.0f MiB, heap %.0f MiB | "
                        + "%.2f | < %d MiB | %s |",
                SUBSCRIPTIONS, rssMiB, breakdown(all), all[0], (l.wallMs() - l.shownWallMs()) / 1000, firstPage[0],
                firstPage[1] / 1024.0, firstPage[2] / 1048576.0, rssMiB / (firstPage[1] / 1024.0), TARGET_RSS_MIB, yes(met)));
    }

    /**
     * Diagnostics: the same console against a server that already runs (in this JVM, on the same
     * database), so neither figure includes starting or holding the embedded server.
     */
    private void withoutEmbeddedServer(Path home, Path otherHome) throws Exception {
        log("diagnostic: the console against a running server (no embedded server), start-up and memory");
        try (ConcordServer server = ConcordServer.start(ServerConfig.demo(home.resolve("server")))) {
            List<Double> wall = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                wall.add(launchConsole(otherHome, false, server.baseUrl()).wallMs());
            }
            Launch l = launchConsole(otherHome, true, server.baseUrl(), productClassPath);
            long[] all = l.memory().get("all-loaded");
            long[] firstPage = l.memory().get("first-page");
            if (all == null || firstPage == null) {
                throw new IllegalStateException("the console did not report its memory: " + l.output());
            }
            ObjectNode d = section.putObject("withoutEmbeddedServer");
            d.putPOJO("startUpWallMs", wall);
            d.put("startUpWallMedianMs", median(wall));
            d.put("rowsLoaded", all[0]);
            d.put("rssMiB", all[1] / 1024.0);
            d.put("heapUsedAfterGcMiB", all[2] / 1048576.0);
            d.put("firstPageRssMiB", firstPage[1] / 1024.0);
            breakdown(d, all);
            row(String.format(Locale.ROOT, "| Console, diagnostic: the same without the embedded server (server already running) | "
                            + "first window %.0f ms (median of 3); %,d subscriptions loaded: RSS %.0f MiB; %s | first page: RSS %.0f MiB | | | |",
                    median(wall), all[0], all[1] / 1024.0, breakdown(all), firstPage[1] / 1024.0));
        }
    }

    /**
     * The conflict dialog on 10k-line notes over the real console, and over a stand-in window as a diagnostic,
     * each in a JVM of its own with the console's JVM options (ConsoleDialogBench).
     */
    private void dialog() throws Exception {
        log("conflict dialog on 10k-line notes over the real console, and on 100-line notes as the baseline");
        ObjectNode console = ConsoleDialogBench.inChild("console", jvmArgs(), HEADLESS);
        console.put("targetMs", TARGET_DIALOG_MS);
        console.put("met", console.path("firstOpenMs").asDouble() < TARGET_DIALOG_MS
                && console.path("laterOpensMedianMs").asDouble() < TARGET_DIALOG_MS);
        section.set("conflictDialog", console);
        row(ConsoleDialogBench.row(console, TARGET_DIALOG_MS));
        log("the same over a stand-in window (diagnostic: the figure's set-up until 2026-12-01 02:40 UTC)");
        ObjectNode standIn = ConsoleDialogBench.inChild("standin", jvmArgs(), HEADLESS);
        section.set("conflictDialogOverStandIn", standIn);
        row(ConsoleDialogBench.row(standIn, TARGET_DIALOG_MS));
    }

    /** Copies the demo subscriptions until there are {@code SUBSCRIPTIONS}, in the console's own database. */
    static void seed(Path dataDir) throws Exception {
        ServerConfig config = ServerConfig.demo(dataDir);
        // Starting the server once makes sure the schema and the demo data are there (they are after start-up runs).
        ConcordServer.start(config).close();
        try (Connection c = DriverManager.getConnection(config.effectiveJdbcUrl(), "", "")) {
            c.setAutoCommit(false);
            List<List<Object>> demo = new ArrayList<>();
            List<String> columns = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM subscriptions ORDER BY id")) {
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    columns.add(rs.getMetaData().getColumnName(i));
                }
                while (rs.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int i = 1; i <= columns.size(); i++) {
                        row.add(rs.getObject(i));
                    }
                    demo.add(row);
                }
            }
            int idColumn = columns.indexOf(columns.stream().filter(n -> n.equalsIgnoreCase("id")).findFirst().orElseThrow());
            String insert = "INSERT INTO subscriptions (" + String.join(", ", columns) + ") VALUES ("
                    + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
            try (PreparedStatement ps = c.prepareStatement(insert)) {
                for (int n = demo.size(); n < SUBSCRIPTIONS; n++) {
                    List<Object> row = demo.get(n % demo.size());
                    for (int i = 0; i < columns.size(); i++) {
                        ps.setObject(i + 1, i == idColumn ? String.format("sub_b%05d", n) : row.get(i));
                    }
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            c.commit();
        }
    }

    /** One console started as {@code ./launcher} would, with the bench probe asked to report and exit. */
    Launch launchConsole(Path home, boolean loadAll) throws Exception {
        return launchConsole(home, loadAll, freeLocalUrl(), classPath);
    }

    /** A local URL nothing answers at: the console starts its embedded server there. */
    private static String freeLocalUrl() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return "http://127.0.0.1:" + s.getLocalPort();
        }
    }

    Launch launchConsole(Path home, boolean loadAll, String serverUrl) throws Exception {
        return launchConsole(home, loadAll, serverUrl, classPath);
    }

    Launch launchConsole(Path home, boolean loadAll, String serverUrl, String withClassPath) throws Exception {
        List<String> command = new ArrayList<>(List.of(javaExe(), "-cp", withClassPath, "-Dconcord.home=" + home,
                "-Dconcord.benchExitAfterShown=true", "-Dconcord.benchLoadAll=" + loadAll,
                // As ./launcher in a clone: the developer's demo, not the installed app's Connect screen.
                "-Dconcord.developerDemo=true"));
        command.addAll(HEADLESS);
        // The console's own JVM options, as ./launcher and the packaged app use them, then any what-if ones.
        jvmArgs().forEach(command::add);
        command.addAll(List.of("dev.concord.app.Main", "--server", serverUrl));
        long start = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        StringBuilder output = new StringBuilder();
        double shownWall = -1;
        double shownInJvm = -1;
        Map<String, long[]> memory = new java.util.HashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                output.append(line).append('\n');
                Matcher shown = SHOWN.matcher(line);
                if (shown.find() && shownWall < 0) {
                    shownWall = (System.nanoTime() - start) / 1e6;
                    shownInJvm = Long.parseLong(shown.group(1));
                }
                Matcher mem = MEMORY.matcher(line);
                if (mem.find()) {
                    long[] figures = new long[mem.groupCount() - 1];
                    for (int g = 2; g <= mem.groupCount(); g++) {
                        figures[g - 2] = Long.parseLong(mem.group(g));
                    }
                    memory.put(mem.group(1), figures);
                }
            }
        } finally {
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
        double wall = (System.nanoTime() - start) / 1e6;
        if (shownWall < 0 || p.exitValue() != 0) {
            throw new IllegalStateException("the console did not report its first window (exit " + p.exitValue() + "):\n" + output);
        }
        return new Launch(shownWall, shownInJvm, wall, memory, output.toString());
    }

    record Launch(double shownWallMs, double shownAfterJvmStartMs, double endWallMs, Map<String, long[]> memory,
                          String output) {
        /** Process start to the first-window marker, as the parent saw it. */
        double wallMs() {
            return memory.isEmpty() ? shownWallMs : endWallMs;
        }
    }

    private static double timeToExit(String classPath, List<String> mainAndArgs) throws Exception {
        List<String> command = new ArrayList<>(List.of(javaExe(), "-cp", classPath));
        command.addAll(mainAndArgs);
        long start = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException(command + " failed: " + out);
        }
        return (System.nanoTime() - start) / 1e6;
    }

    /**
     * Where the resident memory is (issue 16: heap and metaspace shown): figures of the console's own report,
     * in the order BenchProbe prints them after "rows=".
     */
    private static String breakdown(long[] m) {
        return String.format(Locale.ROOT, "heap used after GC %.0f MiB of %.0f MiB committed, metaspace used %.0f MiB (class space %.0f), "
                        + "code cache %.0f MiB, non-heap committed %.0f MiB, RSS anonymous %.0f MiB + files %.0f MiB, %d threads",
                m[2] / 1048576.0, m[3] / 1048576.0, m[5] / 1048576.0, m[6] / 1048576.0, m[7] / 1048576.0, m[4] / 1048576.0,
                m[8] / 1024.0, m[9] / 1024.0, m[10]);
    }

    private static void breakdown(ObjectNode into, long[] m) {
        into.put("heapCommittedMiB", m[3] / 1048576.0);
        into.put("nonHeapCommittedMiB", m[4] / 1048576.0);
        into.put("metaspaceUsedMiB", m[5] / 1048576.0);
        into.put("classSpaceUsedMiB", m[6] / 1048576.0);
        into.put("codeCacheUsedMiB", m[7] / 1048576.0);
        into.put("rssAnonMiB", m[8] / 1024.0);
        into.put("rssFileMiB", m[9] / 1024.0);
        into.put("threads", m[10]);
    }

    private void row(String markdown) {
        rows.add(markdown);
        System.out.println(markdown);
    }

    /** Our section of results.json ("console"); sections other benchmarks wrote there are kept. Also console.md. */
    private void write(Path out) throws IOException {
        StringBuilder md = new StringBuilder("# Console (" + section.path("runAt").asText() + ")\n\nLoad average (1 min) "
                + section.path("loadAverage1mAtStart").asText() + " at start, " + section.path("loadAverage1mAtEnd").asText()
                + " at end, " + Runtime.getRuntime().availableProcessors() + " cores.\n\n"
                + "| Benchmark | Figure | Baseline (same run) | Ratio | Target | Met |\n|---|---|---|---|---|---|\n");
        rows.forEach(r -> md.append(r.asText()).append('\n'));
        Files.writeString(out.resolve("console.md"), md.toString());
        Path results = out.resolve("results.json");
        ObjectNode root = Files.exists(results) && json.readTree(results.toFile()) instanceof ObjectNode existing
                ? existing : json.createObjectNode();
        root.set("console", section);
        json.writeValue(results.toFile(), root);
        System.out.println();
        System.out.println("Console benchmarks (load average " + section.path("loadAverage1mAtStart").asText() + " at start, "
                + section.path("loadAverage1mAtEnd").asText() + " at end, " + Runtime.getRuntime().availableProcessors() + " cores):");
        System.out.println("| Benchmark | Figure | Baseline (same run) | Ratio | Target | Met |");
        System.out.println("|---|---|---|---|---|---|");
        rows.forEach(r -> System.out.println(r.asText()));
        System.out.println("Written: " + results + " (section console)");
    }

    private static String javaExe() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static String yes(boolean ok) {
        return ok ? "yes" : "**no**";
    }

    private static void log(String what) {
        System.out.println("[console bench] " + Instant.now() + " " + what);
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /**
     * packaging/console-jvm.options (what ./launcher and the installer give the console), followed by
     * {@code -Dbench.console.jvmArgs} for what-if runs.
     */
    private static List<String> jvmArgs() {
        List<String> args = new ArrayList<>();
        try {
            for (String line : java.nio.file.Files.readAllLines(Path.of("packaging", "console-jvm.options"))) {
                String option = line.strip();
                if (!option.isEmpty() && !option.startsWith("#")) {
                    args.add(option);
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read packaging/console-jvm.options", e);
        }
        Stream.of(System.getProperty("bench.console.jvmArgs", "").split("\\s+")).filter(a -> !a.isBlank())
                .forEach(args::add);
        return args;
    }
}
