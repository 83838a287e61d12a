package dev.concord.domain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The editable fields of one record, by wire name, holding canonical values (see {@link FieldSpec}).
 * Immutable; null values are allowed for optional fields.
 */
public final class FieldValues {
    private final Map<String, Object> values;

    private FieldValues(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    public static FieldValues of(Map<String, ?> values) {
        return new FieldValues(new LinkedHashMap<>(values));
    }

    public Object get(String field) {
        return values.get(field);
    }

    public boolean has(String field) {
        return values.containsKey(field);
    }

    public Map<String, Object> asMap() {
        return values;
    }

    public FieldValues with(String field, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(values);
        copy.put(field, value);
        return new FieldValues(copy);
    }

    public FieldValues withAll(Map<String, ?> changes) {
        Map<String, Object> copy = new LinkedHashMap<>(values);
        copy.putAll(changes);
        return new FieldValues(copy);
    }

    /** Names of the fields whose value here differs from {@code other}, in this record's field order. */
    public Set<String> changedFrom(FieldValues other) {
        Set<String> changed = new LinkedHashSet<>();
        for (Map.Entry<String, Object> e : values.entrySet()) {
            if (!Objects.equals(e.getValue(), other.values.get(e.getKey()))) {
                changed.add(e.getKey());
            }
        }
        return changed;
    }

    /** Only the given fields, with this record's values. */
    public Map<String, Object> only(Set<String> fields) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String f : fields) {
            out.put(f, values.get(f));
        }
        return Collections.unmodifiableMap(out);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FieldValues other && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
