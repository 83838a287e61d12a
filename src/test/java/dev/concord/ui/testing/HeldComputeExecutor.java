package dev.concord.ui.testing;

import dev.concord.ui.common.CurrentThreadTaskExecutor;
import dev.concord.ui.common.TaskExecutor;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs server work at once (like {@link CurrentThreadTaskExecutor}) but holds computations handed to
 * {@link #compute} until the test releases them, so a test sees the UI state before a background merge
 * finishes and can prove the merge did not run on the UI thread's call.
 */
public final class HeldComputeExecutor implements TaskExecutor {
    private final CurrentThreadTaskExecutor direct = new CurrentThreadTaskExecutor();
    private final Deque<Runnable> held = new ArrayDeque<>();

    @Override
    public <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        direct.run(work, onSuccess, onFailure);
    }

    @Override
    public <T> void compute(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        held.add(() -> direct.run(work, onSuccess, onFailure));
    }

    @Override
    public void onUiThread(Runnable update) {
        update.run();
    }

    public int held() {
        return held.size();
    }

    /** Runs the held computations, oldest first, with their results delivered. */
    public void release() {
        while (!held.isEmpty()) {
            held.remove().run();
        }
    }
}
