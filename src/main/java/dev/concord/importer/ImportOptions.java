package dev.concord.importer;

import dev.concord.domain.EntityKind;
import java.util.Objects;

/**
 * How to import one file.
 *
 * @param kind      what the rows are (subscriptions, plans, invoices)
 * @param format    CSV or JSON lines
 * @param batchSize rows per transaction (ignored with {@code atomic}: then the file is one transaction)
 * @param dryRun    write nothing; report what would happen
 * @param atomic    all or nothing: one unreadable, invalid or conflicting row and nothing is written
 */
public record ImportOptions(EntityKind kind, ImportFormat format, int batchSize, boolean dryRun, boolean atomic) {
    public static final int DEFAULT_BATCH = 500;
    public static final int MAX_BATCH = 10_000;

    public ImportOptions {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(format, "format");
        if (batchSize < 1 || batchSize > MAX_BATCH) {
            throw new IllegalArgumentException("--batch must be from 1 to " + MAX_BATCH + ", was " + batchSize);
        }
    }
}
