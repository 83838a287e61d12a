package dev.concord.ui.common;

import dev.concord.client.ServerUnreachableException;
import dev.concord.sync.SaveOutcome;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;

/**
 * Wraps a {@link TaskExecutor} and watches every call go by: how many are running (for the progress
 * indicator) and whether the last one reached the server (for the connection state in the status bar).
 * Commands start work from the UI thread and callbacks arrive on it, so the counters need no locking.
 */
public final class TrackingTaskExecutor implements TaskExecutor {
    private final TaskExecutor delegate;
    private final ReadOnlyIntegerWrapper running = new ReadOnlyIntegerWrapper(this, "running", 0);
    private final ReadOnlyBooleanWrapper serverReached = new ReadOnlyBooleanWrapper(this, "serverReached", true);
    private final BooleanBinding busy;

    public TrackingTaskExecutor(TaskExecutor delegate) {
        this.delegate = delegate;
        this.busy = running.greaterThan(0);
    }

    @Override
    public <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        running.set(running.get() + 1);
        delegate.run(work, result -> {
            running.set(running.get() - 1);
            // A save kept as pending returned normally, but it is the clearest sign the server is gone.
            serverReached.set(!(result instanceof SaveOutcome.Pending));
            onSuccess.accept(result);
        }, error -> {
            running.set(running.get() - 1);
            serverReached.set(!(rootCause(error) instanceof ServerUnreachableException));
            onFailure.accept(error);
        });
    }

    /** Computation is not server work: neither the busy count nor the connection state hears of it. */
    @Override
    public <T> void compute(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        delegate.compute(work, onSuccess, onFailure);
    }

    @Override
    public void onUiThread(Runnable update) {
        delegate.onUiThread(update);
    }

    public ReadOnlyIntegerProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public BooleanBinding busyProperty() {
        return busy;
    }

    public ReadOnlyBooleanProperty serverReachedProperty() {
        return serverReached.getReadOnlyProperty();
    }

    private static Throwable rootCause(Throwable error) {
        Throwable t = error;
        while (!(t instanceof ServerUnreachableException) && t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
