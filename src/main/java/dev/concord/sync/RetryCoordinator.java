package dev.concord.sync;

import dev.concord.domain.Entity;
import dev.concord.domain.FieldValues;

/**
 * Saves an agent's edit: sends only the fields the agent changed with the base version; on a version
 * conflict merges three ways against the current record and retries with backoff when the merge is
 * clean; hands true conflicts to the {@link ConflictStore}. Blocking; never call on the FX thread.
 */
public final class RetryCoordinator {
    /** Saves {@code mine} (the agent's edited field values) made on top of {@code base}. */
    public SaveOutcome save(Entity base, FieldValues mine) {
        throw new UnsupportedOperationException("sync core not built yet");
    }

    /**
     * Writes a person's resolution of a stored conflict with theirs' version as the base. On success the
     * conflict leaves the store; if the record moved again, the stored conflict is refreshed with the new
     * theirs and returned as NeedsResolution.
     */
    public SaveOutcome resolve(String conflictId, FieldValues resolution) {
        throw new UnsupportedOperationException();
    }

    /** Retries a pending edit (kept while the server was unreachable) with its original idempotency key. */
    public SaveOutcome retryPending(String pendingId) {
        throw new UnsupportedOperationException();
    }
}
