package dev.concord.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.concord.api.Json;
import dev.concord.domain.Entity;
import dev.concord.domain.EntityKind;
import dev.concord.domain.FieldSpec;
import dev.concord.domain.FieldValues;
import dev.concord.domain.RecordMeta;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * How one {@link EntityKind} is stored: table and column names, and the JDBC form of each field type.
 * Collections (tags, features) are stored as JSON text; a set has no order and no joins are needed.
 */
final class EntityTable {
    private static final Map<EntityKind, EntityTable> TABLES = new LinkedHashMap<>();

    static {
        for (EntityKind kind : EntityKind.values()) {
            TABLES.put(kind, new EntityTable(kind));
        }
    }

    private final EntityKind kind;
    private final Map<String, String> columns = new LinkedHashMap<>();

    private EntityTable(EntityKind kind) {
        this.kind = kind;
        for (FieldSpec f : kind.fields()) {
            columns.put(f.name(), columnOf(kind, f.name()));
        }
    }

    static EntityTable of(EntityKind kind) {
        return TABLES.get(kind);
    }

    EntityKind kind() {
        return kind;
    }

    String table() {
        return kind.path();
    }

    String column(String field) {
        String c = columns.get(field);
        if (c == null) {
            throw new IllegalArgumentException("no column for " + field);
        }
        return c;
    }

    /** Every column the record is read from, in a fixed order. */
    String selectColumns() {
        return selectColumns("");
    }

    /** {@link #selectColumns()}, each qualified by {@code alias} (e.g. {@code "r."}) for a join. */
    String selectColumns(String alias) {
        StringBuilder sb = new StringBuilder(alias).append("id");
        for (String c : columns.values()) {
            sb.append(", ").append(alias).append(c);
        }
        for (String c : List.of("version", "created_at", "created_by", "updated_at", "updated_by")) {
            sb.append(", ").append(alias).append(c);
        }
        return sb.toString();
    }

    Entity read(ResultSet rs) throws SQLException {
        Map<String, Object> values = new LinkedHashMap<>();
        for (FieldSpec f : kind.fields()) {
            values.put(f.name(), readValue(rs, columns.get(f.name()), f));
        }
        RecordMeta meta = new RecordMeta(rs.getString("id"), rs.getLong("version"),
                instant(rs, "created_at"), instant(rs, "updated_at"), rs.getString("updated_by"));
        return kind.create(meta, FieldValues.of(values));
    }

    /** Only {@code fields} of a row (the columns the write path read before its UPDATE), canonical values. */
    FieldValues readFields(ResultSet rs, Collection<String> fields) throws SQLException {
        Map<String, Object> values = new LinkedHashMap<>();
        for (String field : fields) {
            values.put(field, readValue(rs, column(field), kind.requireField(field)));
        }
        return FieldValues.of(values);
    }

    /** Binds a canonical field value to a parameter. */
    void bind(PreparedStatement ps, int index, String field, Object canonical) throws SQLException {
        FieldSpec f = kind.requireField(field);
        if (canonical == null) {
            ps.setNull(index, sqlType(f));
            return;
        }
        switch (f.type()) {
            case MONEY -> ps.setBigDecimal(index, (BigDecimal) canonical);
            case DATE -> ps.setDate(index, Date.valueOf((LocalDate) canonical));
            case BOOLEAN -> ps.setBoolean(index, (Boolean) canonical);
            case TAG_SET, STRING_LIST -> ps.setString(index, toJson(canonical));
            default -> ps.setString(index, (String) canonical);
        }
    }

    static void bindInstant(PreparedStatement ps, int index, Instant at) throws SQLException {
        ps.setObject(index, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static Object readValue(ResultSet rs, String column, FieldSpec f) throws SQLException {
        return switch (f.type()) {
            case MONEY -> {
                BigDecimal b = rs.getBigDecimal(column);
                yield b == null ? null : b.setScale(2, java.math.RoundingMode.UNNECESSARY);
            }
            // JDBC 4.2 on both databases: no java.sql.Date and Calendar per value (issue 16 profile).
            case DATE -> rs.getObject(column, LocalDate.class);
            case BOOLEAN -> rs.getBoolean(column);
            case TAG_SET -> java.util.Collections.unmodifiableSet(new TreeSet<>(fromJson(rs.getString(column))));
            case STRING_LIST -> List.copyOf(fromJson(rs.getString(column)));
            case CURRENCY -> {
                String s = rs.getString(column);
                yield s == null ? null : s.trim();
            }
            default -> rs.getString(column);
        };
    }

    private static int sqlType(FieldSpec f) {
        return switch (f.type()) {
            case MONEY -> Types.NUMERIC;
            case DATE -> Types.DATE;
            case BOOLEAN -> Types.BOOLEAN;
            default -> Types.VARCHAR;
        };
    }

    private static String toJson(Object collection) {
        try {
            return Json.mapper().writeValueAsString(new ArrayList<>((Collection<?>) collection));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a list of strings always serialises", e);
        }
    }

    /**
     * Made once: a {@code new TypeReference} per call resolved the generic type again for every row read
     * (issue 16 profile of PATCH); most stored lists are empty and need no parser at all.
     */
    private static final com.fasterxml.jackson.databind.ObjectReader STRING_LIST =
            Json.mapper().readerFor(new TypeReference<List<String>>() { });

    private static List<String> fromJson(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        try {
            return json.equals("[]") ? List.of() : STRING_LIST.readValue(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored list is not JSON", e);
        }
    }

    private static String columnOf(EntityKind kind, String field) {
        // "number" reads badly as a column name next to SQL's NUMBER type.
        if (kind == EntityKind.INVOICE && field.equals("number")) {
            return "invoice_number";
        }
        StringBuilder sb = new StringBuilder();
        for (char ch : field.toCharArray()) {
            if (Character.isUpperCase(ch)) {
                sb.append('_').append(Character.toLowerCase(ch));
            } else {
                sb.append(ch);
            }
        }
        return sb.toString();
    }

}
