package dev.concord.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * One field's change in a change-log entry, values in wire form. {@code base} is set only on override
 * entries: the field's value at the version the admin's edit was based on (from = theirs, to = yours).
 * {@code omitted} is set only on refused (conflict) entries whose values were too large to keep: the
 * values are then null and {@code omitted} holds their sizes in characters of JSON, e.g. {"to": 524301}.
 */
public record FieldChange(@JsonProperty("field") String field,
                          @JsonProperty("from") Object from,
                          @JsonProperty("to") Object to,
                          @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("base") Object base,
                          @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("omitted") Map<String, Integer> omitted) {
    public FieldChange {
        omitted = omitted == null ? null : Map.copyOf(omitted);
    }

    public FieldChange(String field, Object from, Object to, Object base) {
        this(field, from, to, base, null);
    }

    public FieldChange(String field, Object from, Object to) {
        this(field, from, to, null, null);
    }
}
