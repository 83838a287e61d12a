package dev.concord.ui.conflict;

import dev.concord.domain.EntityKind;
import dev.concord.domain.FieldValues;
import dev.concord.domain.RecordMeta;
import dev.concord.merge.FieldConflict;
import dev.concord.sync.Conflict;
import dev.concord.ui.common.CurrentThreadTaskExecutor;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds, styles and lays out one conflict dialog on a made-up conflict and throws it away, never shown,
 * so that the agent's first real dialog opens as fast as later ones: the first build of a dialog loads,
 * interprets and styles its classes and controls, which took more than half of the first opening.
 * Nothing is saved (the view model gets a saver that is never called) and no window appears. The sample's
 * notes merge is built off the FX thread first ({@link #prepare}), as for a real dialog: the console never
 * merges on the FX thread.
 *
 * <p>A throwaway scene warms the code (classes, skins, drawing), but not the main window's styles: JavaFX
 * keeps the selectors matched per scene, so a dialog styled only in a scene of its own left the agent's first
 * real opening to match every one of the dialog's style classes in the main window (~60-80 ms of FX-thread
 * CPU more than a later opening). A last task therefore styles and lays out one more sample dialog inside the
 * main window's own root, hidden and taken out again in the same task: never drawn, never focusable, never
 * seen by a screen reader (no pulse runs while it is there).
 */
public final class DialogWarmUp {
    private static final Logger LOG = LoggerFactory.getLogger(DialogWarmUp.class);

    private static final String CSS = java.util.Objects.requireNonNull(
            DialogWarmUp.class.getResource("conflict.css")).toExternalForm();
    /**
     * Longer than {@link NotesMergePane#TEXT_AREA_LINES}, so the sample takes the path of long notes (the merged
     * text as a virtualized preview), which a first 10k-line dialog otherwise paid for cold.
     */
    private static final String NOTES = java.util.stream.IntStream.range(0, NotesMergePane.TEXT_AREA_LINES + 100)
            .mapToObj(i -> "line " + i + "\n").collect(java.util.stream.Collectors.joining());

    private DialogWarmUp() {
    }

    /**
     * Warms the dialog once the first layout pulse of {@code scene} is over (the main window is on screen):
     * the sample's notes merge on a thread of its own, then three tasks of their own on the FX thread, so it
     * never delays that window and input can be handled between them. The future completes when it is done
     * (failed or not: a failure is only logged).
     */
    public static java.util.concurrent.CompletableFuture<Void> afterFirstPulse(Scene scene) {
        java.util.concurrent.CompletableFuture<Void> done = new java.util.concurrent.CompletableFuture<>();
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            Thread merge = new Thread(() -> {
                PreparedNotes sample;
                try {
                    sample = prepare();
                } catch (RuntimeException e) {
                    LOG.warn("could not warm up the conflict dialog", e);
                    done.complete(null);
                    return;
                }
                // Three tasks of their own, so that input is handled between them.
                Platform.runLater(() -> {
                    Parent root = styled(sample);
                    Platform.runLater(() -> {
                        if (root != null) {
                            render(root);
                        }
                        Platform.runLater(() -> {
                            inWindow(sample, scene);
                            done.complete(null);
                        });
                    });
                });
            }, "concord-dialog-warm-up");
            merge.setDaemon(true);
            merge.start();
        };
        scene.addPostLayoutPulseListener(once[0]);
        return done;
    }

    /** The made-up conflict with its notes merge built: call it off the FX thread. */
    public static PreparedNotes prepare() {
        return ConflictDialogViewModel.prepareNotes(sample());
    }

    /**
     * Builds, styles, lays out and renders one dialog off screen on {@code sample} (from {@link #prepare}),
     * and drops it. FX thread only; merges nothing.
     */
    public static void warmUp(PreparedNotes sample) {
        Parent root = styled(sample);
        if (root != null) {
            render(root);
        }
    }

    /**
     * Styles and lays out one sample dialog in {@code scene}'s own root, as a layer would hold it, and takes
     * it out again in the same FX task, so that the window's style cache holds the dialog's selectors. Hidden,
     * unmanaged and mouse-transparent while it is there; skipped when a dialog is open already (its opening
     * did this work) or the root cannot hold a layer. FX thread.
     */
    public static void inWindow(PreparedNotes sample, Scene scene) {
        javafx.scene.layout.Pane host = ModalLayer.hostOf(scene);
        if (host == null || host.getChildren().stream().anyMatch(ModalLayer.class::isInstance)) {
            return;
        }
        javafx.scene.layout.StackPane holder = new javafx.scene.layout.StackPane();
        try {
            ConflictDialog dialog = new ConflictDialog(new ConflictDialogViewModel(sample.conflict(),
                    (id, version) -> null, new CurrentThreadTaskExecutor(), sample), null);
            // As ModalLayer holds a dialog: the same style class and style sheet round it.
            holder.getStyleClass().add(ModalLayer.STYLE_CLASS);
            holder.getStylesheets().add(CSS);
            holder.getChildren().add(dialog);
            holder.setVisible(false);
            holder.setManaged(false);
            holder.setMouseTransparent(true);
            holder.resize(host.getWidth(), host.getHeight());
            host.getChildren().add(holder);
            holder.applyCss();
            holder.layout();
        } catch (RuntimeException e) {
            LOG.warn("could not warm up the conflict dialog", e);
        } finally {
            host.getChildren().remove(holder);
        }
    }

    /** The dialog's scene built and styled (skins created), or null if that failed. */
    private static Parent styled(PreparedNotes sample) {
        try {
            ConflictDialog dialog = new ConflictDialog(new ConflictDialogViewModel(sample.conflict(),
                    (id, version) -> null, new CurrentThreadTaskExecutor(), sample), null);
            // In a scene of its own that is never shown: styled and laid out as over the main window.
            javafx.scene.layout.StackPane root = new javafx.scene.layout.StackPane(dialog);
            root.getStylesheets().add(CSS);
            new Scene(root, 1240, 780);
            root.applyCss();
            return root;
        } catch (RuntimeException e) {
            // Only a head start: the real dialog builds the same way, and will report what fails there.
            LOG.warn("could not warm up the conflict dialog", e);
            return null;
        }
    }

    /** Lays out and draws into an image: the first drawing of the dialog's text and controls costs too. */
    private static void render(Parent root) {
        try {
            root.layout();
            root.snapshot(null, null);
        } catch (RuntimeException e) {
            LOG.warn("could not warm up the conflict dialog", e);
        }
    }

    /** A subscription where both sides changed the status and one line of the notes. */
    private static Conflict sample() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("customerName", "Warm-up");
        values.put("customerEmail", "warm-up@example.invalid");
        values.put("planId", "plan_warm_up");
        values.put("status", "active");
        values.put("amount", new BigDecimal("1.00"));
        values.put("currency", "EUR");
        values.put("billingCycle", "monthly");
        values.put("nextBillingDate", LocalDate.of(2000, 1, 1));
        values.put("cancelAtPeriodEnd", false);
        values.put("tags", Set.of("warm-up"));
        values.put("notes", NOTES);
        FieldValues base = FieldValues.of(values);
        // Both sides change line 20, each side one more line of its own: every kind of notes row.
        FieldValues mine = base.withAll(Map.of("status", "paused",
                "notes", NOTES.replace("\nline 20\n", "\nline 20, mine\n").replace("\nline 5\n", "\nline 5, mine\n")));
        FieldValues theirs = base.withAll(Map.of("status", "cancelled",
                "notes", NOTES.replace("\nline 20\n", "\nline 20, theirs\n").replace("\nline 35\n", "\nline 35, theirs\n")));
        Instant at = Instant.EPOCH;
        return new Conflict("warm-up", EntityKind.SUBSCRIPTION, "warm-up",
                EntityKind.SUBSCRIPTION.create(new RecordMeta("warm-up", 1, at, at, "warm-up"), base),
                FieldValues.of(mine.only(mine.changedFrom(base))),
                EntityKind.SUBSCRIPTION.create(new RecordMeta("warm-up", 2, at, at, "warm-up"), theirs),
                theirs,
                List.of(conflict("status", base, mine, theirs), conflict("notes", base, mine, theirs)), at);
    }

    private static FieldConflict conflict(String field, FieldValues base, FieldValues mine, FieldValues theirs) {
        return new FieldConflict(field, base.get(field), mine.get(field), theirs.get(field), List.of());
    }
}
