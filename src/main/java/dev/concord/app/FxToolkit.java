package dev.concord.app;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import javafx.application.Platform;

/**
 * Starts JavaFX for the console as early as possible: {@link #startEarly} from {@code Main}, on a thread of
 * its own, while logging is set up, the options are read and the settings and secret store are opened
 * (together about as long as the toolkit's own start, which used to come after them). The windows then
 * {@link #await} it.
 */
final class FxToolkit {
    private static final List<String> NO_WINDOW = List.of("-h", "--help", "-V", "--version");
    private static CompletableFuture<Void> started;

    private FxToolkit() {
    }

    /**
     * Begins the toolkit's start when these console arguments will open a window (not for --help, and not
     * without a display: DesktopCheck then says what is missing instead of JavaFX failing).
     */
    static synchronized void startEarly(String[] args) {
        if (started != null || List.of(args).stream().anyMatch(NO_WINDOW::contains) || DesktopCheck.problem().isPresent()) {
            return;
        }
        started = CompletableFuture.runAsync(FxToolkit::startNow, task -> {
            Thread t = new Thread(task, "fx-toolkit-start");
            t.setDaemon(true);
            t.start();
        });
    }

    /** Returns once the toolkit runs, starting it here if nothing started it early. */
    static void await() {
        CompletableFuture<Void> early;
        synchronized (FxToolkit.class) {
            early = started;
            if (early == null) {
                started = CompletableFuture.completedFuture(null);
            }
        }
        if (early == null) {
            startNow();
            return;
        }
        try {
            early.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private static void startNow() {
        Platform.startup(() -> {
            Platform.setImplicitExit(false);
            WindowIdentity.nameApplication();
            CdsTraining.exitAfterFirstWindowIfAsked();
        });
    }
}
