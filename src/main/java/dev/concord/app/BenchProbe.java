package dev.concord.app;

import dev.concord.domain.EntityKind;
import dev.concord.ui.main.ConsoleViewModel;
import dev.concord.ui.records.RecordListViewModel;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The console's side of {@code ./launcher bench} (dev.concord.bench.ConsoleBench), inert unless asked:
 * with {@code -Dconcord.benchExitAfterShown=true} the console prints when its first window has been laid
 * out and exits; with {@code -Dconcord.benchLoadAll=true} as well, it first loads every page of the
 * subscription list into the real window and prints its memory before and after.
 */
final class BenchProbe {
    static final String SHOWN_MARKER = "concord: first window shown after ";
    static final String MEMORY_MARKER = "concord: memory ";
    /** Failed pages asked for again (FX thread only). */
    private static int pageRetries;

    private BenchProbe() {
    }

    /** Call on the FX thread right after the main stage was shown. */
    static void attachIfAsked(Stage stage, ConsoleViewModel vm) {
        if (!Boolean.getBoolean("concord.benchExitAfterShown")) {
            return;
        }
        Scene scene = stage.getScene();
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            long sinceJvmStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            System.out.println(SHOWN_MARKER + sinceJvmStart + " ms");
            if (Boolean.getBoolean("concord.benchLoadAll")) {
                loadAllSubscriptions(vm.list(EntityKind.SUBSCRIPTION));
            } else {
                exit(0);
            }
        };
        // The first pulse after show() lays the window out: that is when it is first on screen.
        scene.addPostLayoutPulseListener(once[0]);
    }

    private static void loadAllSubscriptions(RecordListViewModel list) {
        boolean[] firstPageMeasured = {false};
        list.loadingProperty().addListener((obs, was, loading) -> {
            if (!loading) {
                // The list clears its loading flag before it adds the page's rows: look once it is done.
                Platform.runLater(() -> afterPage(list, firstPageMeasured));
            }
        });
        // The window may show before the server is up: the first page is there once the list has an answer.
        if (!list.loadingProperty().get() && list.answeredProperty().get()) {
            afterPage(list, firstPageMeasured);
        }
    }

    /** The baseline is the window with its first page; then every further page, then the total. */
    private static void afterPage(RecordListViewModel list, boolean[] firstPageMeasured) {
        if (!list.errorProperty().get().isEmpty()) {
            // A page can fail on a loaded machine (a kept-alive connection closed under it): ask for it again,
            // a few times, as the agent would press "Load more" again.
            if (++pageRetries <= 3) {
                System.out.println("concord: bench list page failed, asking again: " + list.errorProperty().get());
                Platform.runLater(firstPageMeasured[0] ? list::loadMore : list::refresh);
                return;
            }
            System.out.println("concord: bench list failed: " + list.errorProperty().get());
            exit(1);
            return;
        }
        int rows = list.items().size();
        boolean more = list.hasMoreProperty().get();
        if (!firstPageMeasured[0]) {
            firstPageMeasured[0] = true;
            // Measured off the FX thread: a full GC and reading /proc must not run on it.
            new Thread(() -> {
                printMemory("first-page", rows);
                Platform.runLater(() -> {
                    if (more) {
                        list.loadMore();
                    } else {
                        afterPage(list, firstPageMeasured);
                    }
                });
            }, "bench-memory").start();
        } else if (more) {
            Platform.runLater(list::loadMore);
        } else {
            new Thread(() -> {
                printMemory("all-loaded", rows);
                exit(0);
            }, "bench-memory").start();
        }
    }

    private static synchronized void printMemory(String when, int rows) {
        System.gc();
        System.gc();
        var memory = ManagementFactory.getMemoryMXBean();
        System.out.println(MEMORY_MARKER + when + " rows=" + rows + " rssKiB=" + status("VmRSS") + " heapUsedBytes="
                + memory.getHeapMemoryUsage().getUsed() + " heapCommittedBytes=" + memory.getHeapMemoryUsage().getCommitted()
                + " nonHeapCommittedBytes=" + memory.getNonHeapMemoryUsage().getCommitted()
                + " metaspaceUsedBytes=" + poolUsed("Metaspace") + " classSpaceUsedBytes=" + poolUsed("Compressed Class Space")
                + " codeCacheUsedBytes=" + poolUsed("Code") + " rssAnonKiB=" + status("RssAnon")
                + " rssFileKiB=" + status("RssFile") + " threads=" + ManagementFactory.getThreadMXBean().getThreadCount());
    }

    /** Used bytes of the memory pools whose name starts with {@code prefix} (the code cache has three). */
    private static long poolUsed(String prefix) {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getName().startsWith(prefix))
                .mapToLong(p -> p.getUsage().getUsed()).sum();
    }

    /** A kB figure of /proc/self/status, e.g. VmRSS; -1 where there is none. */
    private static long status(String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(key + ":")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            System.out.println("concord: bench cannot read /proc/self/status: " + e.getMessage());
        }
        return -1;
    }

    /** From a thread of its own: the JVM's shutdown may wait for the FX thread. */
    private static void exit(int code) {
        new Thread(() -> System.exit(code), "bench-exit").start();
    }
}
