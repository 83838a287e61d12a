package dev.concord.importer;

/** The file as a whole is refused (wrong encoding, not CSV or JSON lines, unknown columns); nothing was written. */
public final class ImportFileException extends RuntimeException {
    public ImportFileException(String message) {
        super(message);
    }
}
