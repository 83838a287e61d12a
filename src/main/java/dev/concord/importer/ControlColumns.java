package dev.concord.importer;

import java.util.Map;

/** The two columns of a row that are not fields: the record's id and the version the row is based on. */
final class ControlColumns {
    static final String ID = "id";
    static final String VERSION = "version";

    private ControlColumns() {
    }

    /** The id of a row, or null when it has none (blank); a non-string id is reported by {@link #problem}. */
    static String id(Object raw) {
        return raw instanceof String s && !s.isBlank() ? s.trim() : null;
    }

    /** The row's version, or null when none; throws IllegalArgumentException naming the problem. */
    static Long version(Object raw) {
        if (raw == null || raw instanceof String s && s.isBlank()) {
            return null;
        }
        String text = raw instanceof Number n ? n.toString() : raw instanceof String s ? s.trim() : null;
        if (text != null && text.matches("\\d{1,18}") && Long.parseLong(text) >= 1) {
            return Long.parseLong(text);
        }
        throw new IllegalArgumentException("version must be a positive whole number (the version the row is "
                + "based on), was " + shorten(String.valueOf(raw)));
    }

    /** Splits a row into id, version and fields; an unusable id or version makes it unreadable. */
    static SourceRow row(int row, Map<String, Object> all) {
        Object rawId = all.remove(ID);
        Object rawVersion = all.remove(VERSION);
        if (rawId != null && !(rawId instanceof String)) {
            return new SourceRow.Unreadable(row, ID, "id must be a string such as sub_0001");
        }
        try {
            return new SourceRow.Data(row, id(rawId), version(rawVersion), all);
        } catch (IllegalArgumentException e) {
            return new SourceRow.Unreadable(row, VERSION, e.getMessage());
        }
    }

    static String shorten(String s) {
        String one = s.replaceAll("[\\r\\n]", " ");
        return one.length() > 60 ? one.substring(0, 60) + "..." : one;
    }
}
