package dev.concord.ui.common;

import dev.concord.sync.ConflictStore;

/**
 * The part of the conflict store the status bar watches: counts and change notifications. An interface so
 * status-bar tests can drive it without files.
 */
public interface ConflictFeed {
    int unresolvedCount();

    int pendingCount();

    /** Calls {@code onChange} (on any thread) after every change; close the handle to stop. */
    AutoCloseable subscribe(Runnable onChange);

    static ConflictFeed of(ConflictStore store) {
        return new ConflictFeed() {
            @Override
            public int unresolvedCount() {
                return store.conflicts().size();
            }

            @Override
            public int pendingCount() {
                return store.pending().size();
            }

            @Override
            public AutoCloseable subscribe(Runnable onChange) {
                return store.subscribe(onChange);
            }
        };
    }
}
