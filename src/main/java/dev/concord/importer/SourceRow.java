package dev.concord.importer;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** One data row of an import file: either readable, or refused by the reader itself. */
public sealed interface SourceRow {
    /** The row's number as a person finds it: the line number of the file (the CSV header is line 1). */
    int row();

    /**
     * A row to create or update.
     *
     * @param id      the record's id, or null to let the server assign one
     * @param version the version the row is based on (update with version check), or null for a new record
     * @param values  field values in wire form (strings, booleans, lists), by field name
     */
    record Data(int row, String id, Long version, Map<String, Object> values) implements SourceRow {
        public Data {
            values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }
    }

    /** A row the reader could not make sense of (bad JSON, a version that is no number); the rest go on. */
    record Unreadable(int row, String field, String message) implements SourceRow {
    }
}
