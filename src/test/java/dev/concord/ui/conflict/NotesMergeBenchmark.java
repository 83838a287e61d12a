package dev.concord.ui.conflict;

import atlantafx.base.theme.PrimerLight;
import dev.concord.domain.FieldValues;
import dev.concord.sync.Conflict;
import dev.concord.ui.common.CurrentThreadTaskExecutor;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * How long the conflict dialog takes to open on 10,000-line notes (target: under 200 ms). A benchmark, not a
 * test: surefire does not pick it up; run it with {@code mvn test -Dtest=NotesMergeBenchmark}.
 */
@ExtendWith(ApplicationExtension.class)
public class NotesMergeBenchmark {
    private static final int LINES = 10_000;

    private Stage owner;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.StackPane(new javafx.scene.control.Label("owner")),
                1280, 800));
        stage.show();
        owner = stage;
    }

    @Test
    void openDialogOnTenThousandLineNotes() throws Exception {
        int run = 0;
        for (Opening o : openDialog(owner, bigNotesConflict(), 6)) {
            System.out.printf("run %d: diff model (off the FX thread) %d ms, command %d ms, pulse %d ms, first frame drawn %d ms"
                    + " (FX thread CPU %d ms, render thread %d ms; old figure %d ms)%n", ++run, o.modelNanos() / 1_000_000, o.actionNanos() / 1_000_000,
                    o.pulseNanos() / 1_000_000, o.frameNanos() / 1_000_000, o.frameCpuNanos() / 1_000_000, o.renderCpuNanos() / 1_000_000, o.oldNanos() / 1_000_000);
        }
        Platform.runLater(() -> { });
    }

    /**
     * One opening of the dialog, timed two ways on the same opening. The notes' merge and diff model are built
     * off the FX thread first ({@code modelNanos}, as the console does before it opens a dialog); then, from the
     * agent's command with a dialog-ready model:
     * <ul>
     * <li>{@code frameNanos}: what the agent meets, up to the first frame that shows the dialog drawn. The
     * command (view model + dialog built and shown, {@code actionNanos}), the next pulse styles, lays it out
     * and hands the frame to the renderer ({@code pulseNanos}: up to that pulse's post-layout listener), then
     * the render thread draws it: a 1x1 snapshot queued after the pulse runs on the same single render
     * thread, so it returns once that frame is drawn. {@code frameCpuNanos}: the FX thread's CPU over all of it,
     * {@code renderCpuNanos}: the render thread's (on a loaded machine the wall time says little; these do).
     * The command's FX-thread CPU in its parts: view model ({@code vmCpuNanos}), dialog built
     * ({@code buildCpuNanos}), shown as a layer, styled and laid out ({@code showCpuNanos}). {@code gcCount},
     * {@code gcMillis}: the collections (all threads stopped) that ended between the command and the frame drawn,
     * as the JVM's collector beans count them.</li>
     * <li>{@code oldNanos}: the figure as measured until 21:30 UTC on 2026-11-30: the command (then followed by
     * a manual CSS and layout pass of the window, a near no-op since the layer styles and lays itself out when
     * it opens; dropped), then TestFX's {@code waitForFxEvents}, which polls in sleeps of its own even on an
     * idle FX thread (~50 ms) and so measured TestFX's wait, not the agent's.</li>
     * </ul>
     */
    public record Opening(long modelNanos, long actionNanos, long pulseNanos, long frameNanos, long frameCpuNanos,
                          long renderCpuNanos, long oldNanos, long vmCpuNanos, long buildCpuNanos, long showCpuNanos,
                          long gcCount, long gcMillis) {
        /** From the agent's command to the first frame with the dialog drawn, the diff model's own build excluded. */
        public long totalNanos() {
            return frameNanos;
        }
    }

    /** A 1x1 scene whose snapshot joins the render thread's queue: made once, reused (see {@link Opening}). */
    private static javafx.scene.Scene probe;

    /** Waits until the frames handed to the render thread so far are drawn. FX thread. */
    static void awaitRenderedFrames() {
        if (probe == null) {
            probe = new javafx.scene.Scene(new javafx.scene.Group(new javafx.scene.shape.Rectangle(1, 1)), 1, 1);
        }
        probe.snapshot(new javafx.scene.image.WritableImage(1, 1));
    }

    /** CPU time of JavaFX's render thread(s) so far (the software renderer draws there). */
    private static long renderThreadCpu(java.lang.management.ThreadMXBean threads) {
        long sum = 0;
        for (java.lang.management.ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (t != null && t.getThreadName().startsWith("QuantumRenderer")) {
                sum += Math.max(0, threads.getThreadCpuTime(t.getThreadId()));
            }
        }
        return sum;
    }

    /** Collections so far and their total time in ms, over every collector of this JVM. */
    private static long[] gcCountAndMillis() {
        long count = 0;
        long millis = 0;
        for (java.lang.management.GarbageCollectorMXBean gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, gc.getCollectionCount());
            millis += Math.max(0, gc.getCollectionTime());
        }
        return new long[] {count, millis};
    }

    /**
     * Opens and closes the conflict dialog on {@code conflict} {@code runs} times over {@code owner}'s content,
     * as the console opens it over its main window. Call it off the FX thread with the toolkit started;
     * {@code ./launcher bench} (dev.concord.bench.ConsoleBench) uses it too.
     */
    public static List<Opening> openDialog(javafx.stage.Window owner, Conflict conflict, int runs) throws Exception {
        List<Opening> openings = new java.util.ArrayList<>();
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        // The probe is the measurement's, not the dialog's: its own first use is not charged to the first opening.
        WaitForAsyncUtils.asyncFx(NotesMergeBenchmark::awaitRenderedFrames).get();
        for (int run = 1; run <= runs; run++) {
            // Off the FX thread, before the dialog opens: the notes merge and its side-by-side rows.
            long t0 = System.nanoTime();
            PreparedNotes prepared = ConflictDialogViewModel.prepareNotes(conflict);
            long modelNanos = System.nanoTime() - t0;
            ConflictDialog[] dialog = new ConflictDialog[1];
            long[] at = new long[6];
            long[] parts = new long[3];
            java.util.concurrent.CompletableFuture<Void> drawn = new java.util.concurrent.CompletableFuture<>();
            long render0 = renderThreadCpu(threads);
            long[] gc0 = gcCountAndMillis();
            long[][] gcEnd = new long[1][];
            WaitForAsyncUtils.asyncFx(() -> {
                at[0] = System.nanoTime();
                at[1] = threads.getCurrentThreadCpuTime();
                // The agent's command, as the inbox runs it: the dialog built and shown.
                ConflictDialogViewModel vm = new ConflictDialogViewModel(conflict, (id, v) -> null,
                        new CurrentThreadTaskExecutor(), prepared);
                parts[0] = threads.getCurrentThreadCpuTime();
                dialog[0] = new ConflictDialog(vm, owner);
                parts[1] = threads.getCurrentThreadCpuTime();
                dialog[0].show();
                parts[2] = threads.getCurrentThreadCpuTime();
                at[2] = System.nanoTime();
                javafx.scene.Scene scene = owner.getScene();
                Runnable[] once = new Runnable[1];
                once[0] = () -> {
                    scene.removePostLayoutPulseListener(once[0]);
                    at[3] = System.nanoTime();
                    // Runs after this pulse, which hands its frame to the render thread.
                    Platform.runLater(() -> {
                        awaitRenderedFrames();
                        at[4] = System.nanoTime();
                        at[5] = threads.getCurrentThreadCpuTime();
                        gcEnd[0] = gcCountAndMillis();
                        drawn.complete(null);
                    });
                };
                scene.addPostLayoutPulseListener(once[0]);
            }).get();
            long afterCommand = System.nanoTime();
            WaitForAsyncUtils.waitForFxEvents();
            long oldNanos = System.nanoTime() - afterCommand + (afterCommand - at[0]);
            drawn.get(30, java.util.concurrent.TimeUnit.SECONDS);
            long renderCpu = renderThreadCpu(threads) - render0;
            long[] gc = gcEnd[0];
            openings.add(new Opening(modelNanos, at[2] - at[0], at[3] - at[2], at[4] - at[0], at[5] - at[1], renderCpu,
                    oldNanos, parts[0] - at[1], parts[1] - parts[0], parts[2] - parts[1], gc[0] - gc0[0], gc[1] - gc0[1]));
            WaitForAsyncUtils.asyncFx(() -> dialog[0].close()).get();
            WaitForAsyncUtils.waitForFxEvents();
        }
        return openings;
    }

    @Test
    void everyLineChangedOnBothSides() {
        String base = IntStream.range(0, LINES).mapToObj(i -> i + " call log entry").collect(Collectors.joining("\n"));
        String mine = base.replace(" entry", " entry, alice");
        String theirs = base.replace(" entry", " entry, bob");
        for (int run = 1; run <= 3; run++) {
            long t0 = System.nanoTime();
            TextMergeModel model = new TextMergeModel(base, mine, theirs);
            System.out.printf("all lines changed, run %d: model %d ms, %d rows%n", run,
                    (System.nanoTime() - t0) / 1_000_000, model.lines().size());
        }
    }

    public static Conflict bigNotesConflict() {
        return notesConflict(LINES);
    }

    /** Both sides edit line n/2 (a true conflict), mine also line n/500, theirs line 9n/10, status on both. */
    public static Conflict notesConflict(int lines) {
        String base = IntStream.range(0, lines).mapToObj(i -> i + " call log entry with a few words in it, agent note")
                .collect(Collectors.joining("\n"));
        String both = "\n" + lines / 2 + " call";
        String mine = base.replace(both, both.replace("call", "CALL by alice"))
                .replace("\n" + Math.max(1, lines / 500) + " call", "\n" + Math.max(1, lines / 500) + " mine call");
        String theirs = base.replace(both, both.replace("call", "call by bob"))
                .replace("\n" + lines * 9 / 10 + " call", "\n" + lines * 9 / 10 + " theirs call");
        FieldValues b = Conflicts.baseValues().with("notes", base);
        return Conflicts.conflict(b, b.withAll(Map.of("notes", mine, "status", "paused")),
                b.withAll(Map.of("notes", theirs, "status", "cancelled")), 5, List.of("status", "notes"));
    }
}
