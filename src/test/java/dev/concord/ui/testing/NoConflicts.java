package dev.concord.ui.testing;

import dev.concord.ui.common.ConflictFeed;

/** A conflict feed that never has any: for window tests that are not about conflicts. */
public final class NoConflicts implements ConflictFeed {
    @Override
    public int unresolvedCount() {
        return 0;
    }

    @Override
    public int pendingCount() {
        return 0;
    }

    @Override
    public AutoCloseable subscribe(Runnable onChange) {
        return () -> { };
    }
}
