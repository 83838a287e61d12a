package dev.concord.ui.testing;

import dev.concord.ui.common.TaskExecutor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** Holds background work until the test lets it finish, in any order: for out-of-order answers. */
public final class QueuedTaskExecutor implements TaskExecutor {
    private final List<Runnable> queued = new ArrayList<>();

    @Override
    public <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        queued.add(() -> {
            T result;
            try {
                result = work.call();
            } catch (Exception e) {
                onFailure.accept(e);
                return;
            }
            onSuccess.accept(result);
        });
    }

    @Override
    public void onUiThread(Runnable update) {
        update.run();
    }

    public int size() {
        return queued.size();
    }

    /** Runs the {@code index}-th waiting task (0 = oldest still waiting). */
    public void finish(int index) {
        queued.remove(index).run();
    }

    public void finishAll() {
        while (!queued.isEmpty()) {
            finish(0);
        }
    }
}
