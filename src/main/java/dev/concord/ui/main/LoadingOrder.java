package dev.concord.ui.main;

import dev.concord.client.Page;
import dev.concord.domain.EntityKind;
import dev.concord.ui.records.RecordListViewModel;
import dev.concord.ui.status.StatusBarViewModel;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;

/**
 * The order a console loads in, so that the first rows show soonest (issue 16): the subscriptions (the first tab,
 * the rows an agent sees first) from the page asked for before the console existed, or asked now; the agent's
 * identity and the conflict count beside them; the other lists, and whatever else can wait, once the first rows
 * are on screen. FX thread.
 */
final class LoadingOrder {
    /**
     * Runs work that can wait until the first rows are on screen (the other lists, the event stream): at once
     * unless the window says how ({@link #setAfterFirstRows}).
     */
    private Consumer<Runnable> afterFirstRows = Runnable::run;
    /** The subscriptions' first page when it was asked for before this console existed (see {@link #setFirstPage}). */
    private CompletionStage<Page> firstPage;

    void setAfterFirstRows(Consumer<Runnable> afterFirstRows) {
        this.afterFirstRows = Objects.requireNonNull(afterFirstRows);
    }

    void setFirstPage(CompletionStage<Page> asked) {
        this.firstPage = Objects.requireNonNull(asked);
    }

    void afterFirstRows(Runnable work) {
        afterFirstRows.accept(work);
    }

    /**
     * Loads the subscriptions, starts the status bar, and the other lists once the subscriptions have answered:
     * asked together, the three pages shared the server and the 2 cores of a laptop, and the first rows came
     * ~0.2-0.5 s later (issue 16).
     */
    void start(Map<EntityKind, RecordListViewModel> lists, StatusBarViewModel status) {
        RecordListViewModel first = lists.get(EntityKind.SUBSCRIPTION);
        if (firstPage != null) {
            first.refreshFrom(firstPage);
            firstPage = null;
        } else {
            first.refresh();
        }
        status.start();
        Runnable others = () -> afterFirstRows(
                () -> lists.values().stream().filter(l -> l != first).forEach(RecordListViewModel::refresh));
        if (first.answeredProperty().get()) {
            others.run();
            return;
        }
        first.answeredProperty().addListener(new ChangeListener<Boolean>() {
            @Override
            public void changed(ObservableValue<? extends Boolean> obs, Boolean was, Boolean now) {
                if (now) {
                    obs.removeListener(this);
                    others.run();
                }
            }
        });
    }
}
