package dev.concord.sync;

import dev.concord.domain.EntityKind;
import dev.concord.domain.FieldSpec;
import dev.concord.domain.FieldValues;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Canonical field values to and from their JSON form for the store file. Unlike
 * {@link FieldSpec#parse} this does not validate: the store must give back exactly what it was given,
 * even a value the server would refuse today.
 */
final class CanonicalValues {
    private CanonicalValues() {
    }

    static Map<String, Object> toJson(EntityKind kind, FieldValues values) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (values != null) {
            values.asMap().forEach((name, value) -> out.put(name, toJson(kind, name, value)));
        }
        return out;
    }

    static FieldValues fromJson(EntityKind kind, Map<String, Object> json) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (json != null) {
            json.forEach((name, value) -> out.put(name, fromJson(kind, name, value)));
        }
        return FieldValues.of(out);
    }

    static Object toJson(EntityKind kind, String field, Object canonical) {
        return kind.requireField(field).toWire(canonical);
    }

    static Object fromJson(EntityKind kind, String field, Object json) {
        if (json == null) {
            return null;
        }
        FieldSpec spec = kind.requireField(field);
        return switch (spec.type()) {
            case MONEY -> new BigDecimal(json.toString());
            case DATE -> LocalDate.parse(json.toString());
            case BOOLEAN -> json instanceof Boolean b ? b : Boolean.parseBoolean(json.toString());
            case TAG_SET -> Collections.unmodifiableSet(new TreeSet<>(strings(json)));
            case STRING_LIST -> List.copyOf(strings(json));
            default -> json.toString();
        };
    }

    private static List<String> strings(Object json) {
        List<String> out = new ArrayList<>();
        for (Object o : (Collection<?>) json) {
            out.add(String.valueOf(o));
        }
        return out;
    }
}
