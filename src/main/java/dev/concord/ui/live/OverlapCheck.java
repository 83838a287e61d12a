package dev.concord.ui.live;

import static dev.concord.i18n.Localization.lang;

import dev.concord.domain.Entity;
import dev.concord.sync.LiveRebase;
import dev.concord.ui.common.TaskExecutor;
import dev.concord.ui.editor.EditorViewModel;
import dev.concord.ui.editor.FieldModel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live banner's overlap sentence: which of the agent's unsaved fields others changed too, and whether
 * the edits would still merge. Telling that is a full three-way merge (long notes included), so it runs
 * off the FX thread through the executor; a result that arrives after a newer check started is dropped.
 */
final class OverlapCheck {
    private static final Logger LOG = LoggerFactory.getLogger(OverlapCheck.class);

    private final EditorViewModel editor;
    private final TaskExecutor executor;
    private final Consumer<String> show;
    private long check;
    /** Set when a rebase was refused: the conflicting fields, until the record moves again. */
    private List<String> refused = List.of();

    OverlapCheck(EditorViewModel editor, TaskExecutor executor, Consumer<String> show) {
        this.editor = editor;
        this.executor = executor;
        this.show = show;
    }

    /** Drops any check still running (the banner was hidden or the record moved on). */
    void cancel() {
        check++;
    }

    /** A rebase was refused for a true conflict in {@code fields}: the sentence says so from now on. */
    void refuse(List<String> fields) {
        refused = List.copyOf(fields);
    }

    /** The record moved again (or the editor caught up): a refused rebase may go through now. */
    void forgetRefused() {
        refused = List.of();
    }

    /** A refused rebase stays refused only for the fields the agent still has edited. */
    void keepRefusedStillEdited() {
        refused = refused.stream().filter(f -> editor.field(f).map(FieldModel::isDirty).orElse(false)).toList();
    }

    /**
     * Works out the sentence for the record as others changed it ({@code current}, null until fetched);
     * {@code stillShown} tells, when a merge finishes, whether the banner still wants it.
     */
    void update(Collection<String> actors, Set<String> changedFields, Entity current,
                BooleanSupplier stillShown) {
        long mine = ++check;
        if (!refused.isEmpty()) {
            show.accept(LiveWording.refused(editor.kind(), actors, refused));
            return;
        }
        List<String> both = new ArrayList<>();
        for (FieldModel<?> f : editor.fields()) {
            if (f.isDirty() && changedFields.contains(f.name())) {
                both.add(f.name());
            }
        }
        if (both.isEmpty()) {
            show.accept("");
            return;
        }
        String fields = LiveWording.fields(editor.kind(), both);
        if (current == null) {
            show.accept(lang("live.overlap.also", fields));
            return;
        }
        if (!editor.validProperty().get()) {
            show.accept(lang("live.overlap.merges", fields));
            return;
        }
        Entity base = editor.getBase();
        var edited = editor.editedValues();
        List<String> people = List.copyOf(actors);
        executor.compute(() -> LiveRebase.rebase(base, edited, current).conflicts(), conflicting -> {
            if (mine == check && stillShown.getAsBoolean()) {
                show.accept(conflicting.isEmpty() ? lang("live.overlap.merges", fields)
                        : lang("live.overlap.conflicts", fields, LiveWording.people(people),
                                LiveWording.fields(editor.kind(), conflicting)));
            }
        }, failure -> LOG.warn("could not tell whether the edits of {} merge", base.id(), failure));
    }
}
