package dev.concord.ui.records;

import dev.concord.domain.Entity;
import dev.concord.domain.EntityKind;
import dev.concord.domain.FieldSpec;
import dev.concord.domain.FieldType;
import java.util.List;

/**
 * One row of a record list: the id, version, last writer and the few values the table shows, not the whole
 * record. With 10,000 subscriptions loaded the list held every record's notes, e-mail, tags and times (about
 * 1.4 KB a row); a row is about a fifth of that. The editor gets the whole record when it opens
 * ({@code ConsoleViewModel.open(RecordRow)}).
 */
public final class RecordRow {
    private final EntityKind kind;
    private final String id;
    private final long version;
    private final String updatedBy;
    /** The values of {@link RecordColumns#fieldsRead}, in that order. */
    private final Object[] values;

    private RecordRow(EntityKind kind, String id, long version, String updatedBy, Object[] values) {
        this.kind = kind;
        this.id = id;
        this.version = version;
        this.updatedBy = updatedBy;
        this.values = values;
    }

    /** The row of {@code record}; values many rows share (plan, status, currency, who) are kept once. */
    public static RecordRow of(Entity record) {
        List<String> fields = RecordColumns.fieldsRead(record.kind());
        var all = record.values();
        Object[] values = new Object[fields.size()];
        for (int i = 0; i < values.length; i++) {
            Object v = all.get(fields.get(i));
            values[i] = v instanceof String s && shared(record.kind(), fields.get(i)) ? s.intern() : v;
        }
        String by = record.updatedBy() == null ? null : record.updatedBy().intern();
        return new RecordRow(record.kind(), record.id(), record.version(), by, values);
    }

    private static boolean shared(EntityKind kind, String field) {
        FieldType type = kind.field(field).map(FieldSpec::type).orElse(FieldType.TEXT);
        return type == FieldType.ENUM || type == FieldType.REFERENCE || "currency".equals(field);
    }

    public EntityKind kind() {
        return kind;
    }

    public String id() {
        return id;
    }

    public long version() {
        return version;
    }

    public String updatedBy() {
        return updatedBy;
    }

    /** The value of {@code field} if the table shows it (see {@link RecordColumns}), else null. */
    public Object value(String field) {
        int i = RecordColumns.fieldsRead(kind).indexOf(field);
        return i < 0 ? null : values[i];
    }

    @Override
    public String toString() {
        return kind.singular() + " " + id + " v" + version;
    }
}
