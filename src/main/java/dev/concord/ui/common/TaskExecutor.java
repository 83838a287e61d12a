package dev.concord.ui.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs blocking work (HTTP, disk) off the FX thread and delivers the result on it. View models take one
 * through their constructor; tests inject {@link CurrentThreadTaskExecutor} to stay deterministic.
 */
public interface TaskExecutor {
    <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure);

    /** Runs a UI-state update on the thread that owns UI state (the FX thread; the caller's in tests). */
    void onUiThread(Runnable update);
}
