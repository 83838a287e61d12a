package dev.concord.bench;

import atlantafx.base.theme.PrimerLight;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.concord.domain.EntityKind;
import dev.concord.server.ConcordServer;
import dev.concord.testing.TestServers;
import dev.concord.ui.conflict.DialogWarmUp;
import dev.concord.ui.conflict.NotesMergeBenchmark;
import dev.concord.ui.testing.AgentWindow;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The console bench's dialog part: the conflict dialog opened on 10k-line notes (then 100-line notes, the
 * baseline), in a JVM of its own started with the console's JVM options ({@code packaging/console-jvm.options}:
 * client compiler only, a small young generation, no region cache), as {@code ./launcher} runs the console.
 * <ul>
 * <li>{@code console}, the figure: over the real console (an agent's window on an in-process demo server, wired
 * as the app wires it, its subscription list answered, the dialog warm-up started after the first rows as
 * {@code app.StartOrder} starts it). Opening the dialog there makes the console behind it inert, which the
 * agent meets too.</li>
 * <li>{@code standin}, diagnostic: over a stand-in window of a few controls, as the figure was measured until
 * 2026-12-01 02:40 UTC.</li>
 * </ul>
 * Each opening is timed by {@link NotesMergeBenchmark#openDialog}; the child prints its figures as one JSON line.
 */
final class ConsoleDialogBench {
    static final int RUNS = Integer.getInteger("bench.dialog.runs", 6);
    private static final String PREFIX = "concord-dialog-bench: ";

    private ConsoleDialogBench() {
    }

    /** Runs the dialog part over {@code over} ("console" or "standin") in a child JVM; its figures. */
    static ObjectNode inChild(String over, List<String> jvmArgs, List<String> headless) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path")));
        command.addAll(headless);
        command.addAll(jvmArgs);
        command.addAll(List.of(ConsoleDialogBench.class.getName(), over));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        StringBuilder output = new StringBuilder();
        ObjectNode figures = null;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                output.append(line).append('\n');
                if (line.startsWith(PREFIX)) {
                    figures = (ObjectNode) new ObjectMapper().readTree(line.substring(PREFIX.length()));
                }
            }
        }
        if (!p.waitFor(5, TimeUnit.MINUTES) || figures == null) {
            p.destroyForcibly();
            throw new IllegalStateException("the dialog bench over " + over + " gave no figures:\n" + output);
        }
        return figures;
    }

    public static void main(String[] args) throws Exception {
        String over = args.length > 0 ? args[0] : "console";
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        Platform.setImplicitExit(false);
        ObjectNode d = new ObjectMapper().createObjectNode();
        d.put("over", over);
        Stage window = "standin".equals(over) ? standIn() : console(d);
        measure(window, d);
        System.out.println(PREFIX + new ObjectMapper().writeValueAsString(d));
        System.out.flush();
        System.exit(0);
    }

    /**
     * A window with a few common controls: the toolkit, the theme and the common controls are loaded, as they are
     * in the console by the time a dialog opens; warmed as the console warms the dialog.
     */
    private static Stage standIn() throws Exception {
        Stage window = WaitForAsyncUtils.asyncFx(() -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            Stage stage = new Stage();
            stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.VBox(new javafx.scene.control.Label("warm-up"),
                    new javafx.scene.control.Button("OK"), new javafx.scene.control.TextField("text"),
                    new javafx.scene.control.ListView<>(javafx.collections.FXCollections.observableArrayList("a", "b")),
                    new javafx.scene.control.TableView<String>()), 1280, 800));
            stage.show();
            return stage;
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
        return window;
    }

    /**
     * The console of agent demo-alice on an in-process demo server (the console's embedded server runs in its
     * process too), once its subscriptions are listed; the warm-up's FX-thread CPU goes into {@code d}.
     */
    private static Stage console(ObjectNode d) throws Exception {
        ConcordServer server = TestServers.h2Demo();
        Path home = Files.createTempDirectory("concord-dialog-bench-");
        home.toFile().deleteOnExit();
        AgentWindow agent = WaitForAsyncUtils.asyncFx(() -> new AgentWindow(new Stage(), server.baseUrl(), "demo-alice", home)).get();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!WaitForAsyncUtils.asyncFx(() -> agent.vm.list(EntityKind.SUBSCRIPTION).answeredProperty().get()).get()) {
            if (System.nanoTime() > until) {
                throw new IllegalStateException("the console listed no subscriptions in 60 s");
            }
            Thread.sleep(20);
        }
        WaitForAsyncUtils.waitForFxEvents();
        d.put("consoleRows", WaitForAsyncUtils.asyncFx(() -> agent.vm.list(EntityKind.SUBSCRIPTION).items().size()).get());
        return agent.stage;
    }

    /** The warm-up as the console runs it, then the openings; every figure into {@code d}. */
    private static void measure(Stage window, ObjectNode d) throws Exception {
        // The console warms the dialog up (DialogWarmUp.afterFirstPulse, from app.StartOrder once the first rows
        // are on screen); the same entry point here, waited for, its FX-thread CPU timed.
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long fxCpu0 = WaitForAsyncUtils.asyncFx(threads::getCurrentThreadCpuTime).get();
        CompletableFuture<Void> warmed = WaitForAsyncUtils.asyncFx(() -> {
            CompletableFuture<Void> f = DialogWarmUp.afterFirstPulse(window.getScene());
            window.getScene().getRoot().requestLayout();
            return f;
        }).get();
        warmed.get(120, TimeUnit.SECONDS);
        d.put("warmUpAfterFirstWindowMs", (WaitForAsyncUtils.asyncFx(threads::getCurrentThreadCpuTime).get() - fxCpu0) / 1e6);
        WaitForAsyncUtils.waitForFxEvents();
        // 10k lines first: its first opening is the first dialog of this JVM, as in a console just started.
        List<NotesMergeBenchmark.Opening> big = NotesMergeBenchmark.openDialog(window, NotesMergeBenchmark.bigNotesConflict(), RUNS);
        List<NotesMergeBenchmark.Opening> small = NotesMergeBenchmark.openDialog(window, NotesMergeBenchmark.notesConflict(100), RUNS);
        List<Double> idle = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long t = System.nanoTime();
            WaitForAsyncUtils.waitForFxEvents();
            idle.add((System.nanoTime() - t) / 1e6);
        }
        List<NotesMergeBenchmark.Opening> later = big.subList(1, big.size());
        d.put("lines", 10_000);
        d.put("measuredTo", "first frame drawn (post-layout pulse listener, then a snapshot queued on the render thread)");
        d.putPOJO("openMs", ms(big, NotesMergeBenchmark.Opening::totalNanos));
        d.putPOJO("openMs100Lines", ms(small, NotesMergeBenchmark.Opening::totalNanos));
        d.putPOJO("commandMs", ms(big, NotesMergeBenchmark.Opening::actionNanos));
        d.putPOJO("pulseMs", ms(big, NotesMergeBenchmark.Opening::pulseNanos));
        d.putPOJO("fxThreadCpuMs", ms(big, NotesMergeBenchmark.Opening::frameCpuNanos));
        d.putPOJO("viewModelCpuMs", ms(big, NotesMergeBenchmark.Opening::vmCpuNanos));
        d.putPOJO("dialogBuiltCpuMs", ms(big, NotesMergeBenchmark.Opening::buildCpuNanos));
        d.putPOJO("shownStyledLaidOutCpuMs", ms(big, NotesMergeBenchmark.Opening::showCpuNanos));
        d.putPOJO("renderThreadCpuMs", ms(big, NotesMergeBenchmark.Opening::renderCpuNanos));
        d.putPOJO("fxThreadCpuMs100Lines", ms(small, NotesMergeBenchmark.Opening::frameCpuNanos));
        d.putPOJO("gcCount", big.stream().map(NotesMergeBenchmark.Opening::gcCount).toList());
        d.putPOJO("gcMs", big.stream().map(NotesMergeBenchmark.Opening::gcMillis).toList());
        d.putPOJO("oldFigureMs", ms(big, NotesMergeBenchmark.Opening::oldNanos));
        d.put("firstOpenMs", big.get(0).totalNanos() / 1e6);
        d.put("laterOpensMedianMs", median(ms(later, NotesMergeBenchmark.Opening::totalNanos)));
        d.put("smallLaterOpensMedianMs", median(ms(small.subList(1, small.size()), NotesMergeBenchmark.Opening::totalNanos)));
        d.put("firstFxCpuMs", big.get(0).frameCpuNanos() / 1e6);
        d.put("laterFxCpuMedianMs", median(ms(later, NotesMergeBenchmark.Opening::frameCpuNanos)));
        d.put("firstRenderCpuMs", big.get(0).renderCpuNanos() / 1e6);
        d.put("laterRenderCpuMedianMs", median(ms(later, NotesMergeBenchmark.Opening::renderCpuNanos)));
        d.put("firstCommandMs", big.get(0).actionNanos() / 1e6);
        d.put("firstPulseMs", big.get(0).pulseNanos() / 1e6);
        d.put("firstGcCount", big.get(0).gcCount());
        d.put("firstGcMs", big.get(0).gcMillis());
        d.put("oldFigureFirstOpenMs", big.get(0).oldNanos() / 1e6);
        d.put("oldFigureLaterOpensMedianMs", median(ms(later, NotesMergeBenchmark.Opening::oldNanos)));
        d.put("diffModelMedianMs", median(ms(later, NotesMergeBenchmark.Opening::modelNanos)));
        d.put("waitForFxEventsIdleMs", median(idle));
        d.put("jvmOptions", String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
    }

    /** The table row of the figure (over the console) or of the diagnostic (over the stand-in window). */
    static String row(ObjectNode d, long targetMs) {
        double first = d.path("firstOpenMs").asDouble();
        double later = d.path("laterOpensMedianMs").asDouble();
        double small = d.path("smallLaterOpensMedianMs").asDouble();
        boolean met = first < targetMs && later < targetMs;
        boolean console = "console".equals(d.path("over").asText());
        String what = console
                ? "Console: open the conflict dialog on 10k-line notes over the real console (from the command, notes merged off the FX thread before, to the first frame with the dialog drawn; the console's JVM options)"
                : "Console, diagnostic: the same over a stand-in window (as measured until 2026-12-01 02:40 UTC; the console's JVM options)";
        return String.format(Locale.ROOT, "| %s | first %.0f ms, later median %.0f ms (FX-thread CPU first %.0f ms, later %.0f ms, render thread first %.0f ms, later %.0f ms; "
                        + "first: command %.0f ms, pulse %.0f ms, %d collections %d ms; notes merge and diff model off the FX thread %.0f ms; the console's warm-up, once, %.0f ms of FX-thread CPU; "
                        + "diagnostic, up to TestFX's waitForFxEvents (%.0f ms on an idle FX thread), as measured before 2026-11-30 21:30 UTC: first %.0f ms, later %.0f ms) "
                        + "| 100-line notes, later median %.0f ms | %.2f | %s | %s |",
                what, first, later, d.path("firstFxCpuMs").asDouble(), d.path("laterFxCpuMedianMs").asDouble(),
                d.path("firstRenderCpuMs").asDouble(), d.path("laterRenderCpuMedianMs").asDouble(),
                d.path("firstCommandMs").asDouble(), d.path("firstPulseMs").asDouble(), d.path("firstGcCount").asLong(), d.path("firstGcMs").asLong(), d.path("diffModelMedianMs").asDouble(),
                d.path("warmUpAfterFirstWindowMs").asDouble(), d.path("waitForFxEventsIdleMs").asDouble(),
                d.path("oldFigureFirstOpenMs").asDouble(), d.path("oldFigureLaterOpensMedianMs").asDouble(), small, later / small,
                console ? "< " + targetMs + " ms" : "", console ? (met ? "yes" : "**no**") : "");
    }

    private static List<Double> ms(List<NotesMergeBenchmark.Opening> openings,
                                   java.util.function.ToLongFunction<NotesMergeBenchmark.Opening> nanos) {
        return openings.stream().map(o -> nanos.applyAsLong(o) / 1e6).toList();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
