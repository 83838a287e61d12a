package dev.concord.ui.common;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Background work on a small daemon pool; callbacks marshalled to the FX thread with Platform.runLater. */
public final class FxTaskExecutor implements TaskExecutor, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FxTaskExecutor.class);
    private final AtomicInteger threadCount = new AtomicInteger();
    // Four threads: a save, a list refresh and a history load may run at once without queueing behind each other.
    private final ExecutorService pool = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "concord-io-" + threadCount.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    @Override
    public <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        if (pool.isShutdown()) {
            // The window closed; a timer tick or a late event may still ask for work. Nobody waits for it.
            LOG.debug("executor closed; not starting more background work");
            return;
        }
        pool.execute(() -> {
            try {
                T result = work.call();
                Platform.runLater(() -> onSuccess.accept(result));
            } catch (Exception e) {
                LOG.debug("background task failed", e);
                Platform.runLater(() -> onFailure.accept(e));
            } catch (Throwable e) {
                // An Error (a StackOverflowError in a merge, an OutOfMemoryError, a linkage error) must reach the
                // view model too, or the form it disabled for the work stays disabled for good.
                LOG.error("background task failed with an error", e);
                Platform.runLater(() -> onFailure.accept(e));
            }
        });
    }

    @Override
    public void onUiThread(Runnable update) {
        if (Platform.isFxApplicationThread()) {
            update.run();
        } else {
            Platform.runLater(update);
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
