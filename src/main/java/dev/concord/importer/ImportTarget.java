package dev.concord.importer;

import dev.concord.domain.EntityKind;
import java.util.List;

/** Where imported rows are written: one call is one transaction. */
public interface ImportTarget {
    /** When a batch's transaction commits. */
    enum Commit {
        /** Commit the rows that were written; conflicting and invalid rows are skipped. */
        WRITTEN_ROWS,
        /** Roll everything back whatever happened (a dry run: the report says what would happen). */
        NEVER,
        /** Commit only when no row was a conflict or invalid; otherwise roll the whole batch back. */
        ONLY_IF_ALL_FINE
    }

    /**
     * Writes {@code rows} in one transaction: a row without id or with an unknown id creates a record
     * (version 1), a row with an id and the record's current version updates it, any other version is a
     * conflict and is never written. Every row gets a result, in order.
     */
    List<RowResult> apply(EntityKind kind, List<SourceRow.Data> rows, Commit commit);
}
