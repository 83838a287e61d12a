package dev.concord.ui.live;

import dev.concord.domain.EntityKind;
import dev.concord.sync.LiveEvents;
import dev.concord.ui.main.ConsoleViewModel;
import dev.concord.ui.records.RecordListViewModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;

/**
 * Opens a console's event stream once, with the event high-water mark of the first list the console loaded, so
 * that no write falls between that load and the stream; lists that load later have a higher mark, which the
 * stream covers. It opens once the first rows are on screen (issue 16). FX thread.
 */
final class StreamStart {
    private final ConsoleViewModel console;
    private final LiveEvents events;
    private boolean started;
    /** Closed: a stream not opened yet is not opened any more. */
    private boolean closed;
    /** The Last-Event-ID the stream was opened with (the first list load's mark); null before or without. */
    private Long openedAfter;

    StreamStart(ConsoleViewModel console, LiveEvents events) {
        this.console = console;
        this.events = events;
    }

    /** Opens the stream after the first list load, or at once if a list has answered already. */
    void afterFirstListLoad() {
        List<RecordListViewModel> lists = Arrays.stream(EntityKind.values()).map(console::list).toList();
        if (lists.stream().anyMatch(l -> l.answeredProperty().get())) {
            open(lowestMark(lists));
            return;
        }
        // Before any list answered there is nothing to be stale: wait for one.
        List<Runnable> undo = new ArrayList<>();
        for (RecordListViewModel l : lists) {
            ChangeListener<Boolean> first = new ChangeListener<>() {
                @Override
                public void changed(ObservableValue<? extends Boolean> obs, Boolean was, Boolean now) {
                    if (now && !started) {
                        started = true;
                        undo.forEach(Runnable::run);
                        open(lowestMark(lists));
                    }
                }
            };
            l.answeredProperty().addListener(first);
            undo.add(() -> l.answeredProperty().removeListener(first));
        }
    }

    private void open(Long after) {
        started = true;
        // Opened once the first rows are on screen (issue 16); the mark keeps any write in between.
        console.afterFirstRows(() -> {
            if (closed) {
                return;
            }
            openedAfter = after;
            events.start(after);
        });
    }

    /** The Last-Event-ID the stream was opened with; null before it opened or when opened for new writes only. */
    Long openedAfter() {
        return openedAfter;
    }

    /** The console is closing: a stream not opened yet stays shut. */
    void close() {
        closed = true;
    }

    /** The lowest first-load mark of the lists that answered; null (only new writes) if one answered without. */
    private static Long lowestMark(List<RecordListViewModel> lists) {
        Long lowest = null;
        for (RecordListViewModel l : lists) {
            if (l.answeredProperty().get()) {
                Long mark = l.firstEventMarkProperty().get();
                if (mark == null) {
                    return null;
                }
                lowest = lowest == null ? mark : Math.min(lowest, mark);
            }
        }
        return lowest;
    }
}
