package dev.concord.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One field's change in a change-log entry, values in wire form. {@code base} is set only on override
 * entries: the field's value at the version the admin's edit was based on (from = theirs, to = yours).
 */
public record FieldChange(@JsonProperty("field") String field,
                          @JsonProperty("from") Object from,
                          @JsonProperty("to") Object to,
                          @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("base") Object base) {
    public FieldChange(String field, Object from, Object to) {
        this(field, from, to, null);
    }
}
