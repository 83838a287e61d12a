package dev.concord.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One field's change in a change-log entry, values in wire form. */
public record FieldChange(@JsonProperty("field") String field,
                          @JsonProperty("from") Object from,
                          @JsonProperty("to") Object to) {
}
