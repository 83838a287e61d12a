package dev.concord.sync;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rereads a {@link ConflictStore} when another process (the command line, a second console) writes its
 * file, so conflicts and pending edits made there show up at once: a {@link WatchService} on the file's
 * folder, on a daemon thread of its own. The store tells its listeners when the content really changed.
 * Where the platform's watch service polls slowly, the console also refreshes on window focus.
 */
public final class StoreWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StoreWatcher.class);

    private final ConflictStore store;
    private final WatchService watch;
    private final Thread thread;

    private StoreWatcher(ConflictStore store, WatchService watch) {
        this.store = store;
        this.watch = watch;
        this.thread = new Thread(this::loop, "conflict-store-watch");
        this.thread.setDaemon(true);
    }

    /** Starts watching {@code store}'s file; close to stop. A folder that cannot be watched only logs a warning. */
    public static StoreWatcher start(ConflictStore store) {
        Path dir = store.file().getParent();
        WatchService watch = null;
        try {
            Files.createDirectories(dir);
            watch = dir.getFileSystem().newWatchService();
            // The store writes a temp file and renames it over the old one: a create (or modify) of its name.
            dir.register(watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.warn("Cannot watch {} for changes by other programs ({}); the console rereads it on focus", dir,
                    e.getMessage());
            closeQuietly(watch);
            watch = null;
        }
        StoreWatcher watcher = new StoreWatcher(store, watch);
        if (watch != null) {
            watcher.thread.start();
        }
        return watcher;
    }

    private void loop() {
        String name = store.file().getFileName().toString();
        try {
            while (true) {
                WatchKey key = watch.take();
                boolean ours = false;
                for (WatchEvent<?> event : key.pollEvents()) {
                    Object context = event.context();
                    ours |= event.kind() == StandardWatchEventKinds.OVERFLOW
                            || (context instanceof Path p && p.getFileName().toString().equals(name));
                }
                if (ours) {
                    refresh();
                }
                if (!key.reset()) {
                    LOG.warn("The folder of {} can no longer be watched", store.file());
                    return;
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed: the console is going away
        }
    }

    private void refresh() {
        try {
            store.refresh();
        } catch (RuntimeException e) {
            LOG.warn("Could not reread {}: {}", store.file(), e.getMessage());
        }
    }

    @Override
    public void close() {
        closeQuietly(watch);
        thread.interrupt();
    }

    private static void closeQuietly(WatchService watch) {
        if (watch == null) {
            return;
        }
        try {
            watch.close();
        } catch (IOException e) {
            LOG.debug("closing the watch service: {}", e.getMessage());
        }
    }
}
