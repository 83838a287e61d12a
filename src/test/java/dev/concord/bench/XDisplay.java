package dev.concord.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A private X display for the start-up bench: an Xvfb server of its own (a display number nobody uses), and
 * an {@code xev} on its root window that reports every top-level window mapped or resized, timed as the
 * lines arrive. This is how the bench sees a window from outside the program: the X server's own
 * MapNotify, no probe inside the app.
 */
final class XDisplay implements AutoCloseable {
    /** Tools the bench needs, with the Debian packages that bring them (as .ci/run installs fonts). */
    private static final Map<String, String> TOOLS = Map.of("Xvfb", "xvfb", "xdotool", "xdotool", "xev", "x11-utils");
    private static final Pattern WINDOW = Pattern.compile("window (0x[0-9a-f]+)");
    private static final Pattern GEOMETRY = Pattern.compile("window (0x[0-9a-f]+), \\((-?\\d+),(-?\\d+)\\), width (\\d+), height (\\d+)");

    /** A top-level window mapped at {@code nanos} ({@link System#nanoTime()} of this JVM). */
    record Mapped(String window, long nanos) {
    }

    /** Where a window is on the screen. */
    record Geometry(int x, int y, int width, int height) {
    }

    private final String name;
    private final Process xvfb;
    private final Process xev;
    private final BlockingQueue<Mapped> mapped = new LinkedBlockingQueue<>();
    private final Map<String, Geometry> geometry = new ConcurrentHashMap<>();

    private XDisplay(String name, Process xvfb, Process xev) {
        this.name = name;
        this.xvfb = xvfb;
        this.xev = xev;
        if (xev != null) {
            Thread reader = new Thread(this::readEvents, "xev-reader");
            reader.setDaemon(true);
            reader.start();
        }
    }

    /** Installs Xvfb, xdotool, xev and GTK 3 with apt-get when one is missing (root only); false if still missing. */
    static boolean ensureTools() throws IOException, InterruptedException {
        List<String> missing = TOOLS.entrySet().stream().filter(e -> !onPath(e.getKey())).map(Map.Entry::getValue).toList();
        boolean gtk = Files.exists(Path.of("/usr/lib/x86_64-linux-gnu/libgtk-3.so.0"))
                || Files.exists(Path.of("/usr/lib/aarch64-linux-gnu/libgtk-3.so.0"));
        if (missing.isEmpty() && gtk) {
            return true;
        }
        String packages = String.join(" ", missing) + (gtk ? "" : " libgtk-3-0 libxtst6");
        System.out.println("[console start] installing " + packages);
        new ProcessBuilder("sh", "-c", "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq " + packages)
                .inheritIO().start().waitFor();
        return TOOLS.keySet().stream().allMatch(XDisplay::onPath);
    }

    /** Starts Xvfb at 1440x900 on the first free display from :90 (nothing watches it yet: {@link #watch}). */
    static XDisplay start(Path logDir) throws IOException, InterruptedException {
        for (int n = 90; n < 200; n++) {
            if (Files.exists(Path.of("/tmp/.X11-unix/X" + n)) || Files.exists(Path.of("/tmp/.X" + n + "-lock"))) {
                continue;
            }
            String display = ":" + n;
            Process xvfb = new ProcessBuilder("Xvfb", display, "-screen", "0", "1440x900x24", "-nolisten", "tcp")
                    .redirectErrorStream(true).redirectOutput(logDir.resolve("xvfb.log").toFile()).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (xvfb.isAlive() && !Files.exists(Path.of("/tmp/.X11-unix/X" + n)) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            if (!xvfb.isAlive()) {
                continue; // another one took the number between our look and its start
            }
            return new XDisplay(display, xvfb, null);
        }
        throw new IllegalStateException("no free X display number between :90 and :199");
    }

    /** Watches the root window of {@code display} (started by another process) for windows mapped and moved. */
    static XDisplay watch(String display) throws IOException {
        Process xev = new ProcessBuilder("xev", "-display", display, "-root", "-event", "substructure")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        return new XDisplay(display, null, xev);
    }

    String name() {
        return name;
    }

    /** Forgets windows mapped so far (call before starting the program to time). */
    void clear() {
        mapped.clear();
    }

    /** The next top-level (not override-redirect) window mapped, or null after {@code timeoutMs}. */
    Mapped nextMapped(long timeoutMs) throws InterruptedException {
        return mapped.poll(timeoutMs, TimeUnit.MILLISECONDS);
    }

    Geometry geometry(String window) {
        return geometry.get(window);
    }

    /** xev prints an event over several lines; the window and "override NO" are on the line after the name. */
    private void readEvents() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(xev.getInputStream(), StandardCharsets.UTF_8))) {
            String pending = null;
            long pendingAt = 0;
            for (String line; (line = r.readLine()) != null; ) {
                long now = System.nanoTime();
                if (line.startsWith("MapNotify event") || line.startsWith("ConfigureNotify event")) {
                    pending = line;
                    pendingAt = now;
                    Matcher g = GEOMETRY.matcher(line);
                    if (line.startsWith("ConfigureNotify") && g.find()) {
                        record(g);
                    }
                    continue;
                }
                if (pending != null && pending.startsWith("MapNotify")) {
                    Matcher w = WINDOW.matcher(line.replaceFirst("^\\s*event 0x[0-9a-f]+,", ""));
                    if (w.find() && line.contains("override NO")) {
                        mapped.add(new Mapped(w.group(1), pendingAt));
                    }
                } else if (pending != null) {
                    Matcher g = GEOMETRY.matcher(line);
                    if (g.find()) {
                        record(g);
                    }
                }
                pending = null;
            }
        } catch (IOException e) {
            System.out.println("[console start] xev stopped: " + e.getMessage());
        }
    }

    private void record(Matcher g) {
        geometry.put(g.group(1), new Geometry(Integer.parseInt(g.group(2)), Integer.parseInt(g.group(3)),
                Integer.parseInt(g.group(4)), Integer.parseInt(g.group(5))));
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() throws InterruptedException {
        for (Process p : new Process[] {xev, xvfb}) {
            if (p != null) {
                p.destroy();
                if (!p.waitFor(5, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            }
        }
    }
}
