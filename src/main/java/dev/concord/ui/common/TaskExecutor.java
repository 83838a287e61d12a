package dev.concord.ui.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs blocking work (HTTP, disk) off the FX thread and delivers the result on it. View models take one
 * through their constructor; tests inject {@link CurrentThreadTaskExecutor} to stay deterministic.
 */
public interface TaskExecutor {
    <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure);

    /**
     * Runs computation (a merge, a diff) off the UI thread like {@link #run}, but it is not server work:
     * progress and connection indicators do not count it.
     */
    default <T> void compute(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        run(work, onSuccess, onFailure);
    }

    /** Runs a UI-state update on the thread that owns UI state (the FX thread; the caller's in tests). */
    void onUiThread(Runnable update);
}
