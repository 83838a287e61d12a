package dev.concord.sync;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Every unresolved conflict and every pending edit, persisted as JSON (temp file + atomic rename) so a
 * crash or restart loses nothing. Thread-safe. Listeners run on the thread that made the change; the
 * console marshals them to the FX thread.
 */
public final class ConflictStore {
    /** Loads the store from {@code file}; a corrupt file is moved aside with a warning, never fatal. */
    public ConflictStore(Path file) {
        throw new UnsupportedOperationException("sync core not built yet");
    }

    public List<Conflict> conflicts() {
        throw new UnsupportedOperationException();
    }

    public Optional<Conflict> conflict(String conflictId) {
        throw new UnsupportedOperationException();
    }

    public List<PendingEdit> pending() {
        throw new UnsupportedOperationException();
    }

    /** Adds a conflict, or replaces the one with the same id (a refreshed theirs). */
    public void putConflict(Conflict conflict) {
        throw new UnsupportedOperationException();
    }

    public void removeConflict(String conflictId) {
        throw new UnsupportedOperationException();
    }

    public void putPending(PendingEdit edit) {
        throw new UnsupportedOperationException();
    }

    public void removePending(String pendingId) {
        throw new UnsupportedOperationException();
    }

    /** Calls {@code onChange} after every change; close the returned handle to stop. */
    public AutoCloseable subscribe(Runnable onChange) {
        throw new UnsupportedOperationException();
    }
}
