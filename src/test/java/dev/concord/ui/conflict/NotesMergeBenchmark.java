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
            System.out.printf("run %d: diff model (off the FX thread) %d ms, dialog built+shown+laid out %d ms (FX thread CPU %d ms),"
                    + " to next idle %d ms%n", ++run, o.modelNanos() / 1_000_000, o.openNanos() / 1_000_000,
                    o.cpuNanos() / 1_000_000, o.toIdleNanos() / 1_000_000);
        }
        Platform.runLater(() -> { });
    }

    /**
     * One opening of the dialog: the notes' merge and diff model built off the FX thread first (as the console
     * does before it opens a dialog), then, timed from a dialog-ready model, view model + dialog built, shown and
     * laid out on the FX thread, the FX thread's CPU for that, and the wait from there until the FX thread is
     * idle again (the first pulse renders the dialog).
     */
    public record Opening(long modelNanos, long openNanos, long cpuNanos, long toIdleNanos) {
        /** From the click to a dialog on screen and an idle FX thread, the diff model's own build excluded. */
        public long totalNanos() {
            return openNanos + toIdleNanos;
        }
    }

    /**
     * Opens and closes the conflict dialog on {@code conflict} {@code runs} times over {@code owner}'s content,
     * as the console opens it over its main window. Call it off the FX thread with the toolkit started;
     * {@code ./launcher bench} (dev.concord.bench.ConsoleBench) uses it too.
     */
    public static List<Opening> openDialog(javafx.stage.Window owner, Conflict conflict, int runs) throws Exception {
        List<Opening> openings = new java.util.ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            long[] openNanos = new long[1];
            ConflictDialog[] dialog = new ConflictDialog[1];
            long[] cpu = new long[1];
            // Off the FX thread, before the dialog opens: the notes merge and its side-by-side rows.
            long t0 = System.nanoTime();
            PreparedNotes prepared = ConflictDialogViewModel.prepareNotes(conflict);
            long modelNanos = System.nanoTime() - t0;
            WaitForAsyncUtils.asyncFx(() -> {
                cpu[0] = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                long t1 = System.nanoTime();
                ConflictDialogViewModel vm = new ConflictDialogViewModel(conflict, (id, v) -> null,
                        new CurrentThreadTaskExecutor(), prepared);
                dialog[0] = new ConflictDialog(vm, owner);
                dialog[0].show();
                // The first pulse lays out and renders the scene: measure up to the end of it.
                dialog[0].getScene().getRoot().applyCss();
                dialog[0].getScene().getRoot().layout();
                cpu[0] = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu[0];
                openNanos[0] = System.nanoTime() - t1;
            }).get();
            long t2 = System.nanoTime();
            WaitForAsyncUtils.waitForFxEvents();
            openings.add(new Opening(modelNanos, openNanos[0], cpu[0], System.nanoTime() - t2));
            WaitForAsyncUtils.asyncFx(() -> dialog[0].close()).get();
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
