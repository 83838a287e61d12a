package dev.concord.importer;

/**
 * The import stopped part way (the database went away, say). Batches before {@link #partial()}'s rows
 * were committed (unless it was a dry run or all-or-nothing import); the rest were not.
 */
public final class ImportStoppedException extends RuntimeException {
    private final transient ImportReport partial;

    public ImportStoppedException(String message, ImportReport partial, Throwable cause) {
        super(message, cause);
        this.partial = partial;
    }

    public ImportReport partial() {
        return partial;
    }
}
