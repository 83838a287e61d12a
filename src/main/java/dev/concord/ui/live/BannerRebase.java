package dev.concord.ui.live;

import static dev.concord.i18n.Localization.lang;

import dev.concord.client.ConcordApi;
import dev.concord.domain.Entity;
import dev.concord.sync.LiveRebase;
import dev.concord.ui.common.Problems;
import dev.concord.ui.common.TaskExecutor;
import dev.concord.ui.editor.EditorViewModel;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Rebase now" of one banner: fetches the record and merges the agent's unsaved edits onto it, off the UI
 * thread (a fetch and a three-way merge of long notes). One at a time; a result for a base the editor left
 * meanwhile (a save) is dropped.
 */
final class BannerRebase {
    private static final Logger LOG = LoggerFactory.getLogger(BannerRebase.class);

    private final EditorViewModel editor;
    private final ConcordApi api;
    private final TaskExecutor executor;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "rebasing", false);

    BannerRebase(EditorViewModel editor, ConcordApi api, TaskExecutor executor) {
        this.editor = editor;
        this.api = api;
        this.executor = executor;
    }

    /**
     * Starts a rebase unless one is running; on the UI thread then: {@code clean} when the edits merge onto
     * the newest record (the editor is not moved yet), {@code refused} with the fields of a true conflict
     * (nothing rebased), or {@code failed} with the reason in the agent's words. Invalid input fails at once.
     */
    void start(Consumer<LiveRebase.Result> clean, Consumer<List<String>> refused, Consumer<String> failed) {
        if (running.get()) {
            return;
        }
        if (!editor.validProperty().get()) {
            failed.accept(lang("live.fixMarked"));
            return;
        }
        Entity base = editor.getBase();
        var mine = editor.editedValues();
        running.set(true);
        executor.run(() -> LiveRebase.rebase(base, mine, api.get(base.kind(), base.id())), result -> {
            running.set(false);
            if (editor.getBase() != base) {
                return;
            }
            if (result.clean()) {
                clean.accept(result);
            } else {
                refused.accept(result.conflicts());
            }
        }, failure -> {
            running.set(false);
            LOG.warn("rebase of {} failed", base.id(), failure);
            failed.accept(lang("live.couldNotFetch", Problems.describe(failure)));
        });
    }

    ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }
}
