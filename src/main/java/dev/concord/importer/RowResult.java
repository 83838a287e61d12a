package dev.concord.importer;

/**
 * What became of one row.
 *
 * @param row     the row number (file line) it came from
 * @param id      the record's id (assigned by the server for a created row without one); may be null
 * @param version the record's version after the row (created: 1), or the server's version for a conflict
 * @param field   for an invalid row, the field that was refused (null when the row as a whole was)
 * @param message why, for conflicts and invalid rows
 */
public record RowResult(int row, Status status, String id, Long version, String field, String message) {
    /** created, updated (its version matched), unchanged, skipped as a conflict, or invalid. */
    public enum Status {
        CREATED, UPDATED, UNCHANGED, CONFLICT, INVALID;

        /** Whether the row needs someone's attention (and refuses an all-or-nothing import). */
        public boolean problem() {
            return this == CONFLICT || this == INVALID;
        }
    }

    public static RowResult invalid(int row, String id, String field, String message) {
        return new RowResult(row, Status.INVALID, id, null, field, message);
    }

    public static RowResult conflict(int row, String id, Long currentVersion, String message) {
        return new RowResult(row, Status.CONFLICT, id, currentVersion, null, message);
    }
}
