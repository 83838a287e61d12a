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
 * How long the conflict dialog takes to open on 10,000-line notes (target: under 300 ms). A benchmark, not a
 * test: surefire does not pick it up; run it with {@code mvn test -Dtest=NotesMergeBenchmark}.
 */
@ExtendWith(ApplicationExtension.class)
class NotesMergeBenchmark {
    private static final int LINES = 10_000;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    }

    @Test
    void openDialogOnTenThousandLineNotes() throws Exception {
        Conflict conflict = bigNotesConflict();
        for (int run = 1; run <= 6; run++) {
            long[] modelNanos = new long[1];
            long[] openNanos = new long[1];
            ConflictDialog[] dialog = new ConflictDialog[1];
            long[] cpu = new long[1];
            WaitForAsyncUtils.asyncFx(() -> {
                cpu[0] = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                new TextMergeModel((String) conflict.base().values().get("notes"), (String) conflict.mine().get("notes"),
                        (String) conflict.theirs().values().get("notes"));
                long t1 = System.nanoTime();
                ConflictDialogViewModel vm = new ConflictDialogViewModel(conflict, (id, v) -> null,
                        new CurrentThreadTaskExecutor());
                long t1b = System.nanoTime();
                dialog[0] = new ConflictDialog(vm, null);
                long t1c = System.nanoTime();
                dialog[0].show();
                long t1d = System.nanoTime();
                System.out.printf("  vm %d ms, dialog %d ms, show %d ms%n", (t1b - t1) / 1_000_000, (t1c - t1b) / 1_000_000,
                        (t1d - t1c) / 1_000_000);
                // The first pulse lays out and renders the scene: measure up to the end of it.
                dialog[0].getScene().getRoot().applyCss();
                dialog[0].getScene().getRoot().layout();
                modelNanos[0] = t1 - t0;
                cpu[0] = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu[0];
                openNanos[0] = System.nanoTime() - t1;
            }).get();
            long[] pulse = new long[1];
            long t2 = System.nanoTime();
            WaitForAsyncUtils.waitForFxEvents();
            pulse[0] = System.nanoTime() - t2;
            System.out.printf("run %d: diff model %d ms, dialog built+shown+laid out %d ms (FX thread CPU %d ms incl. model),"
                    + " to next idle %d ms%n", run, modelNanos[0] / 1_000_000, openNanos[0] / 1_000_000,
                    cpu[0] / 1_000_000, pulse[0] / 1_000_000);
            WaitForAsyncUtils.asyncFx(() -> dialog[0].close()).get();
        }
        Platform.runLater(() -> { });
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

    static Conflict bigNotesConflict() {
        String base = IntStream.range(0, LINES).mapToObj(i -> i + " call log entry with a few words in it, agent note")
                .collect(Collectors.joining("\n"));
        String mine = base.replace("\n5000 call log", "\n5000 CALL log by alice").replace("\n20 call", "\n20 mine call");
        String theirs = base.replace("\n5000 call log", "\n5000 call LOG by bob").replace("\n9000 call", "\n9000 theirs call");
        FieldValues b = Conflicts.baseValues().with("notes", base);
        return Conflicts.conflict(b, b.withAll(Map.of("notes", mine, "status", "paused")),
                b.withAll(Map.of("notes", theirs, "status", "cancelled")), 5, List.of("status", "notes"));
    }
}
